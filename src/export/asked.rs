//! What a staff letter asks besides its numbered comments, and the company's answers
//! to it: the acknowledgment statement ("In responding to our comments, please provide
//! a written statement from the company acknowledging that: …"), which letters asked for
//! until 2016, and the other requests of its opening and closing paragraphs that want
//! something from the company (an unredacted exhibit, materials sent to investors), each
//! answered in the `[requests]` table of the drafts file. Reading a file
//! ([`Asked::in_file`]) is the one impure piece, for the callers' convenience.

use std::collections::BTreeMap;

use toml_edit::{DocumentMut, TableLike};

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
