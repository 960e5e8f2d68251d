//! Who a letter is about, as keys that compare across letters: the company's name
//! without its legal form and punctuation, and the Commission file number.

use crate::letter::LEGAL_FORMS;

/// A company name as words to compare: lowercase letters and digits, legal forms
/// left out ("AbbVie Inc." and "ABBVIE INC" are both `["abbvie"]`).
pub fn company_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '&')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(&w.as_str()))
        .collect()
}

/// Whether two company names name the same company: the words of one all stand in
/// the other (a letter may give "Acme" where another gives "Acme Widgets").
pub fn same_company(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w))
}

/// A Commission file number printed in running text or a "Re:" block ("File No.
/// 001-38848", "(No. 333-255302)", "File No: 001-39804"), as a key.
pub fn file_number_in(text: &str) -> Option<String> {
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\bNos?\.?\s*:?\s*(\d{1,3}-\d{5,6})\b").expect("file number regex")
    });
    NUMBER
        .captures(text)
        .and_then(|c| file_number_key(c.get(1)?.as_str()))
}

/// Whether `text_words` (the [`word_hash`]es of the words of a letter's text,
/// lowercase) hold every word of the company name `company` (as [`company_words`]
/// gives it): a letter that does not name its company in its header names it in its
/// opening ("of Chubb Limited (the \"Company\")").
pub fn names_company(text_words: &std::collections::HashSet<u64>, company: &[String]) -> bool {
    !company.is_empty() && company.iter().all(|w| text_words.contains(&word_hash(w)))
}

/// A word as a number (the same for the same word in every run): the words of a
/// letter's text are kept so for grouping, eight bytes each instead of a string.
pub fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    word.hash(&mut hasher);
    hasher.finish()
}

/// A file number as a key: its parts as numbers ("001-35565" and "1-35565" are the
/// same file), `None` when it holds no digits.
pub fn file_number_key(number: &str) -> Option<String> {
    let parts: Vec<String> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.trim_start_matches('0'))
        .map(|p| if p.is_empty() { "0" } else { p }.to_string())
        .collect();
    (!parts.is_empty()).then(|| parts.join("-"))
}

/// The file number of the filing `filed` concerns, as printed in its header, as a key.
pub fn filing_of(filed: &super::filed::Filed) -> Option<String> {
    filed
        .letter
        .file_number
        .as_deref()
        .and_then(file_number_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_compare_without_legal_form() {
        let a = company_words("AbbVie Inc.");
        assert_eq!(a, vec!["abbvie"]);
        assert!(same_company(&a, &company_words("ABBVIE INC")));
        assert!(same_company(
            &company_words("Kestrel Rail"),
            &company_words("Kestrel Rail Holdings, Inc.")
        ));
        assert!(!same_company(
            &company_words("Kestrel Rail"),
            &company_words("Osprey Rail Inc.")
        ));
        assert!(!same_company(&[], &company_words("Osprey Rail Inc.")));
    }

    #[test]
    fn file_numbers_compare_as_numbers() {
        assert_eq!(file_number_key("001-35565"), file_number_key("1-35565"));
        assert_ne!(file_number_key("001-35565"), file_number_key("333-35565"));
        assert_eq!(file_number_key("n/a"), None);
    }

    #[test]
    fn file_numbers_in_running_text() {
        let key = file_number_key("333-255302");
        assert_eq!(file_number_in("Form S-3 (No. 333-255302)"), key);
        assert_eq!(file_number_in("File No: 333-255302 filed"), key);
        assert_eq!(file_number_in("call (212) 558-4000"), None);
    }
}
