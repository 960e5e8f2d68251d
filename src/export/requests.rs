//! What a staff letter asks besides its numbered comments, and the company's answers:
//! the acknowledgment statement ("In responding to our comments, please provide a
//! written statement from the company acknowledging that: …"), which letters asked for
//! until 2016 and which the export answers in the staff's own words; and the other
//! requests of its opening and closing paragraphs that want something from the company
//! (an unredacted exhibit, materials sent to investors), each answered in the
//! `[requests]` table of the drafts file or named as unanswered. Reading a file
//! ([`Asked::in_file`]) is the one impure piece, for the callers' convenience.

use std::collections::BTreeMap;

use toml_edit::{DocumentMut, TableLike};

use chrono::NaiveDate;

use super::document::{Block, Tally, long_date};
use super::flow::{self, Flow, Item, Marker};
use super::settings::ExportSettings;
use crate::letter::Letter;
use crate::letter::{RequestKind, parse_bytes, sections::sections};

/// The requests of a letter outside its numbered comments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Asked {
    /// The letter asks for the company's written acknowledgment of its responsibility
    /// for its disclosure (the three "the company acknowledges that…" statements).
    pub acknowledgment: bool,
    /// The requests the company answers in its letter, in the letter's order.
    pub requests: Vec<Request>,
}

/// A request of the letter, not numbered, that the company answers in its letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Its key in the drafts file's `[requests]` table: its kind (`exhibit`, `other`),
    /// with `-2`, `-3`, … after the first of a kind.
    pub key: String,
    /// The paragraph of the staff letter that makes it.
    pub text: String,
    /// The company's answer, if the drafts file has one.
    pub answer: Option<Answer>,
}

/// The answer to a [`Request`], from its table in the drafts file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    /// The response text (`response = "..."`).
    pub response: String,
    /// `no_response = true`: the request needs no answer in the letter.
    pub no_response: bool,
}

/// The table of the drafts file that holds the answers to requests.
const REQUESTS: &str = "requests";

impl Asked {
    /// The requests found in a letter's text. For the acknowledgment, line breaks, page
    /// headers and case do not matter: the request is a "statement" (or "letter")
    /// "from the company" followed, within the sentence, by "acknowledging". The other
    /// requests are those of the letter's opening and closing paragraphs that ask the
    /// company for something ([`wants_an_answer`]).
    pub fn in_text(text: &str) -> Asked {
        let words: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let acknowledgment = words.match_indices("acknowledging").any(|(at, _)| {
            let sentence_start = words[..at].rfind(". ").map_or(0, |i| i + 2);
            let sentence = &words[sentence_start..at];
            (sentence.contains("statement") || sentence.contains("letter"))
                && sentence.contains(" from ")
        });
        let mut requests: Vec<Request> = Vec::new();
        if let Ok(letter) = parse_bytes("letter.txt", text.as_bytes()) {
            for request in sections("letter.txt", &letter, text.as_bytes()).requests {
                let kind = match request.kind {
                    RequestKind::Exhibit => "exhibit",
                    RequestKind::Other => "other",
                    RequestKind::Respond | RequestKind::Acknowledgment => continue,
                };
                if !wants_an_answer(&request.text) {
                    continue;
                }
                let same = requests.iter().filter(|r| r.key.starts_with(kind)).count();
                let key = match same {
                    0 => kind.to_owned(),
                    n => format!("{kind}-{}", n + 1),
                };
                requests.push(Request {
                    key,
                    text: request.text,
                    answer: None,
                });
            }
        }
        Asked {
            acknowledgment,
            requests,
        }
    }

    /// The requests found in the letter file at `path`; a file that cannot be read
    /// asks nothing (reading the letter itself reports the error).
    pub fn in_file(path: &std::path::Path) -> Asked {
        std::fs::read(path)
            .map(|bytes| Asked::in_text(&String::from_utf8_lossy(&bytes)))
            .unwrap_or_default()
    }

    /// Takes the answers from the `[requests]` table of a drafts file: one table per
    /// request, keyed as [`Request::key`], with `response` (a string) and
    /// `no_response` (a boolean), both optional. A value of the wrong type is an
    /// error naming its key; tables for requests the letter does not make are ignored.
    pub fn answer_from(&mut self, drafts: &DocumentMut) -> Result<(), String> {
        let Some(table) = drafts.get(REQUESTS) else {
            return Ok(());
        };
        let table = table
            .as_table_like()
            .ok_or("`requests` in the drafts file must be a table")?;
        let mut answers = BTreeMap::new();
        for (key, item) in table.iter() {
            let entry = item
                .as_table_like()
                .ok_or_else(|| format!("`requests.{key}` in the drafts file must be a table"))?;
            answers.insert(key.to_owned(), read_answer(key, entry)?);
        }
        for request in &mut self.requests {
            request.answer = answers.remove(&request.key);
        }
        Ok(())
    }
}

/// One answer's table.
fn read_answer(key: &str, entry: &dyn TableLike) -> Result<Answer, String> {
    let response = match entry.get("response") {
        None => String::new(),
        Some(value) => value
            .as_str()
            .ok_or_else(|| format!("`requests.{key}.response` must be a string"))?
            .to_owned(),
    };
    let no_response = match entry.get("no_response") {
        None => false,
        Some(value) => value
            .as_bool()
            .ok_or_else(|| format!("`requests.{key}.no_response` must be true or false"))?,
    };
    Ok(Answer {
        response,
        no_response,
    })
}

/// Whether a request paragraph asks the company for something its response must answer
/// ("Please provide us with an unredacted copy of Exhibit 10.4"), sentence by sentence:
/// one that asks ("please", "we ask that you", "we request that you") to provide,
/// furnish, send, submit, tell, confirm or explain, and is not about when or how to
/// respond, whom to call, the review of an amendment, the acknowledgment, or what later
/// comments may ask.
pub fn wants_an_answer(paragraph: &str) -> bool {
    const ASK: &[&str] = &["please ", "we ask that you", "we request that you"];
    const WANT: &[&str] = &[
        "provide", "furnish", "send", "submit", "tell us", "confirm", "explain",
    ];
    const NOT: &[&str] = &[
        "we may ask",
        "respond to",
        "respond within",
        "when you will",
        "tell us why",
        "contact",
        "call ",
        "questions",
        "allow adequate time",
        "refer to",
        "acknowledg",
    ];
    let words = paragraph
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    words.split(". ").any(|sentence| {
        ASK.iter().any(|a| sentence.contains(a))
            && WANT.iter().any(|w| sentence.contains(w))
            && !NOT.iter().any(|n| sentence.contains(n))
    })
}

/// The blocks of a request the letter makes besides its comments: restated (with no
/// number), then its label and the answer, or [`MISSING_MARKER`](super::MISSING_MARKER) and a line in
/// [`Tally::unanswered`]. A request the drafts say needs no answer is left out.
pub(super) fn request_blocks(
    blocks: &mut Vec<Block>,
    tally: &mut Tally,
    request: &Request,
    label: &str,
) {
    let answer = request.answer.as_ref();
    if answer.is_some_and(|a| a.no_response && a.response.trim().is_empty()) {
        return;
    }
    blocks.push(Block::Comment {
        number: String::new(),
        flows: flow::parse(&request.text),
    });
    if !label.is_empty() {
        blocks.push(Block::Label(label.to_owned()));
    }
    match answer.filter(|a| !a.response.trim().is_empty()) {
        Some(answer) => blocks.push(Block::Response {
            number: String::new(),
            flows: flow::parse(&answer.response),
        }),
        None => {
            let words: String = request
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mut start: String = words.chars().take(60).collect();
            if start.len() < words.len() {
                start.truncate(start.rfind(' ').unwrap_or(start.len()));
                start.push('…');
            }
            tally
                .unanswered
                .push(format!("{} (\"{start}\")", request.key));
            blocks.push(Block::Missing {
                number: String::new(),
            });
        }
    }
}

/// "the staff asked for a response by March 15, 2024; that date has passed …" when the
/// letter sets a deadline and the export is made after it.
pub(super) fn past_due(letter: &Letter, settings: &ExportSettings) -> Option<String> {
    let due = NaiveDate::parse_from_str(letter.response_due.as_deref()?, "%Y-%m-%d").ok()?;
    let today = settings.now?.date_naive();
    (today > due).then(|| {
        format!(
            "the staff asked for a response by {}; that date has passed (tell the staff when the response will come, or ask for more time)",
            long_date(due)
        )
    })
}

/// Whether a comment only notes the company's earlier response and asks for nothing
/// ("Please note, we are evaluating your response to our prior comment 4 and we may
/// have further comments."): such a comment needs no response.
pub fn asks_nothing(comment: &str) -> bool {
    let words = comment
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let notes = [
        "evaluating your response",
        "reviewing your response",
        "considering your response",
        "evaluating your responses",
        "reviewing your responses",
        "considering your responses",
    ];
    let asks = [
        "tell us", "provide", "revise", "explain", "disclose", "clarify", "describe", "confirm",
        "advise", "address", "discuss", "quantify", "?",
    ];
    notes.iter().any(|n| words.contains(n)) && !asks.iter().any(|a| words.contains(a))
}

/// The acknowledgment statement, in the words the staff asked for: an introducing
/// paragraph and the three statements as a list.
pub fn acknowledgment() -> Vec<Flow> {
    let item = |text: &str| Item {
        marker: "\u{2022}".to_owned(),
        kind: Marker::Bullet,
        lines: vec![text.to_owned()],
    };
    vec![
        Flow::Paragraph(vec![
            "In connection with responding to the Staff's comments, the Company acknowledges that:"
                .to_owned(),
        ]),
        Flow::List(vec![
            item(
                "the Company is responsible for the adequacy and accuracy of the disclosure in the filing;",
            ),
            item(
                "Staff comments or changes to disclosure in response to Staff comments do not foreclose the Commission from taking any action with respect to the filing; and",
            ),
            item(
                "the Company may not assert Staff comments as a defense in any proceeding initiated by the Commission or any person under the federal securities laws of the United States.",
            ),
        ]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_request_across_line_breaks() {
        let text = "We urge all persons who are responsible for the accuracy\nof the disclosure.\n\nIn responding to our comments, please provide a written\nstatement from the company Acknowledging\nthat:\n\n- the company is responsible for the adequacy";
        assert!(Asked::in_text(text).acknowledgment);
        let older = "Please furnish a letter from the registrant acknowledging that the registrant is responsible.";
        assert!(Asked::in_text(older).acknowledgment);
    }

    /// A staff letter whose closing asks for two things besides its comments.
    const ASKING: &str = "March 1, 2024\n\nAda Quill\nChief Financial Officer\nTarnbrook Looms Inc.\n\nRe: Tarnbrook Looms Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2023\nFile No. 001-12345\n\nDear Ms. Quill:\n\nWe have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.\n\nPlease respond to this letter within ten business days by amending your filing.\n\n1. Please revise the loom table on page 12.\n\n2. Please tell us about the Harrowgate mill.\n\nWe urge all persons who are responsible for the accuracy and adequacy of the disclosure in the filing to be certain that the filing includes the information the Exchange Act requires.\n\nPlease provide us with an unredacted copy of Exhibit 10.4 with your response.\n\nPlease also send us the slides shown to investors on March 1, 2024.\n\nPlease contact Jo Ledger at (202) 551-0000 with any questions.\n\nSincerely,\n\nSam Reviewer\nOffice of Manufacturing\n";

    #[test]
    fn the_requests_that_want_an_answer_are_keyed_by_kind() {
        let asked = Asked::in_text(ASKING);
        let keys: Vec<&str> = asked.requests.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["exhibit", "other"], "{asked:?}");
        assert!(asked.requests[0].text.contains("Exhibit 10.4"));
        assert!(!asked.acknowledgment);
    }

    #[test]
    fn boilerplate_wants_no_answer() {
        for text in [
            "We have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to this letter within ten business days by amending your filing, by providing the requested information or by advising us when you will provide the requested response.",
            "Refer to Rules 460 and 461 regarding requests for acceleration. Please allow adequate time for us to review any amendment prior to the requested effective date.",
            "Please contact Jo Doe at (202) 551-0000 if you have questions. Please send any questions to her.",
            "If you do not believe our comments apply to your facts and circumstances, please tell us why in your response.",
            "Please respond to these comments by providing the requested information.",
            "We urge all persons who are responsible for the accuracy and adequacy of the disclosure in the filing to be certain that the filing includes the information the Securities Act requires.",
        ] {
            assert!(!wants_an_answer(text), "{text}");
        }
        assert!(wants_an_answer(
            "Please furnish\nus supplementally with the\nmaterials provided to the board."
        ));
        assert!(wants_an_answer(
            "We ask that you confirm that you will file the agreement."
        ));
    }

    #[test]
    fn answers_come_from_the_drafts_files_requests_table() {
        let mut asked = Asked::in_text(ASKING);
        let drafts: DocumentMut = "[comments.\"1\"]\nresponse = \"x\"\n\n[requests.exhibit]\nresponse = \"Provided under separate cover.\"\n\n[requests.other]\nno_response = true\n\n[requests.other-9]\nresponse = \"ignored\"\n"
            .parse()
            .unwrap();
        asked.answer_from(&drafts).unwrap();
        let answer = asked.requests[0].answer.clone().unwrap();
        assert_eq!(answer.response, "Provided under separate cover.");
        assert!(!answer.no_response);
        assert!(asked.requests[1].answer.as_ref().unwrap().no_response);

        for (bad, named) in [
            ("requests = 3\n", "`requests`"),
            ("[requests]\nexhibit = \"x\"\n", "`requests.exhibit`"),
            (
                "[requests.exhibit]\nresponse = 4\n",
                "`requests.exhibit.response`",
            ),
            (
                "[requests.other]\nno_response = \"yes\"\n",
                "`requests.other.no_response`",
            ),
        ] {
            let error = asked.answer_from(&bad.parse().unwrap()).unwrap_err();
            assert!(error.contains(named), "{bad}: {error}");
        }
    }

    #[test]
    fn a_comment_that_only_notes_the_response_asks_nothing() {
        assert!(asks_nothing(
            "Please note, we are evaluating your response to our prior\ncomment number 4 and we may have further comments."
        ));
        assert!(!asks_nothing(
            "We are evaluating your response to prior comment 2. Please tell us how you considered ASC 280."
        ));
        assert!(!asks_nothing("Please revise the table on page 4."));
    }

    #[test]
    fn a_reminder_is_not_a_request() {
        for text in [
            "We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review.",
            "We note your statement on page 4. We are acknowledging receipt of your letter.",
            "",
        ] {
            assert!(!Asked::in_text(text).acknowledgment, "{text}");
        }
    }
}
