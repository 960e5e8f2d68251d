//! The index's schema and tokenizer: one document per staff comment.

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenStream,
};

/// The version of the schema, the tokenizer and what the index holds. Changing any
/// means a new number: the index of another version is deleted and built again (6: a
/// copy of a letter, such as the text made of its PDF, adds no documents, and answers
/// given with no label under their restatement are found; 7: running heads are left
/// out of comments and answers; 8: labels numbered with `#` or run into the answer end
/// a restatement and are left out of its answer, and only the acknowledgment the staff
/// once asked for closes a response, not an answer that "acknowledges that" a fact;
/// 9: companies and file numbers are keyed as reviews compare them, so "Ford Motor
/// Co." and "Ford Motor Company" are one company, an answer that begins with the
/// comment's own words begins after them, and a restatement that leaves out the list
/// under its comment is followed by its answer; 10: a response filed as page images
/// over hidden text is read, a blank last page no longer hides running heads, a
/// company's "By: /s/" ends its last answer, and more "Re:" blocks give their company
/// and form; 11: feet on the last page, and a letterhead repeated with no page breaks,
/// are left out of comments and answers, an answer opening "We believe our…" is no
/// longer cut as the closing, and a company's letter naming no company in its header
/// is the company's that signs it or its counsel's client; 12: a numbered item under
/// an answer that restates no comment (a list, footnotes) goes on with that answer,
/// an item numbered as a comment whose words differ is not taken for it, and a
/// restatement in words of its own ends with the paragraphs that say the comment's,
/// and a mistyped salutation, "Ladies and Gentleman:", ends the header; 13: a
/// reference written in words, "comments five and six", ties a follow-up to its review;
/// 14: the manifest keeps whom each company letter greets with an honorific, for the
/// export's salutation).
pub const VERSION: u32 = 14;

/// The name the comment text's tokenizer is registered under.
const TOKENIZER: &str = "letterdesk_en";

/// The fields of a comment's document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The letter file's path (indexed whole, to delete a letter's comments).
    pub path: Field,
    /// The comment's number as printed.
    pub comment: Field,
    /// The company the letter is addressed to.
    pub company: Field,
    /// The company as compared ([`company_key`]), to leave its letters out.
    pub company_key: Field,
    /// The letter's date (ISO).
    pub date: Field,
    /// The form reviewed.
    pub form: Field,
    /// The comment's nearest heading (searched, stemmed: a hit whose heading shares
    /// the probe's words is on its subject).
    pub heading: Field,
    /// The comment's text (searched, stemmed).
    pub text: Field,
    /// The words of the headings the comment's nearest heading stands under that the
    /// nearest does not say, as the heading field holds them, one term each: "risk"
    /// and "factor" of "Risk Factors" over "Integrating the businesses may be more
    /// difficult". A heading word often found over headings on other things names a
    /// section of the form, not a subject.
    pub sections: Field,
    /// The answer a response of its review gave, when one did.
    pub answer: Field,
    /// The response letter's path, when there is an answer.
    pub response: Field,
    /// A hash of the comment's words: the same boilerplate in many letters shares it.
    pub fingerprint: Field,
    /// A hash of [`company_key`] (a fast field): how many companies' letters say a
    /// heading word is counted by it.
    pub company_id: Field,
}

impl Fields {
    /// The schema and its fields.
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs);
        let text_options = TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored();
        let fields = Fields {
            path: b.add_text_field("path", STRING | STORED),
            comment: b.add_text_field("comment", STORED),
            company: b.add_text_field("company", STORED),
            company_key: b.add_text_field("company_key", STRING),
            date: b.add_text_field("date", STORED),
            form: b.add_text_field("form", STORED),
            heading: b.add_text_field("heading", text_options.clone()),
            text: b.add_text_field("text", text_options),
            sections: b.add_text_field("sections", STRING),
            answer: b.add_text_field("answer", STORED),
            response: b.add_text_field("response", STORED),
            fingerprint: b.add_u64_field("fingerprint", INDEXED | STORED | FAST),
            company_id: b.add_u64_field(COMPANY_ID, FAST),
        };
        (b.build(), fields)
    }
}

/// The analyzer of comment text: words, lower case, English stop words dropped,
/// stemmed ("disclosures" and "disclose" meet).
pub fn analyzer() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::English) {
        Some(stop) => builder
            .filter(stop)
            .filter(Stemmer::new(Language::English))
            .build(),
        None => builder.filter(Stemmer::new(Language::English)).build(),
    }
}

/// Register the analyzer with `index` (needed after every open).
pub fn register(index: &Index) {
    index.tokenizers().register(TOKENIZER, analyzer());
}

/// The terms of `text` as the index holds them, each with its byte range in `text`.
pub fn terms(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push((token.text.clone(), token.offset_from..token.offset_to));
    }
    out
}

/// The name of the fingerprint field (read as a fast field to fold hits).
pub const FINGERPRINT: &str = "fingerprint";

/// The name of the company hash field (read as a fast field to count companies).
pub const COMPANY_ID: &str = "company_id";

/// The hash of a company's name as compared ([`company_key`]).
pub fn company_id(name: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(company_key(name).as_bytes())
}

/// A company's name as compared: lower-case words, without "Inc", "Corp" and the like.
pub fn company_key(name: &str) -> String {
    super::manifest::keys(None, Some(name))
        .pop()
        .unwrap_or_default()
}

/// The fingerprint of a comment: its words, lower case, numbers left out (a page number
/// or a year does not make boilerplate different).
pub fn fingerprint(text: &str) -> u64 {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    xxhash_rust::xxh3::xxh3_64(words.join(" ").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_stemmed_and_stop_words_dropped() {
        let terms: Vec<String> = terms("The disclosures of the Segments")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(terms, ["disclosur", "segment"]);
    }

    #[test]
    fn fingerprints_ignore_case_numbers_and_spacing() {
        assert_eq!(
            fingerprint("Please see page 12.\nRevise."),
            fingerprint("please see  Page 40. revise")
        );
        assert_ne!(
            fingerprint("Please revise."),
            fingerprint("Please explain.")
        );
    }
}
