//! What a staff letter asks besides its numbered comments, read from the letter's
//! text, and the company's standard answer to it: the acknowledgment statement
//! ("In responding to our comments, please provide a written statement from the
//! company acknowledging that: …"), which letters asked for until 2016. Reading a
//! file ([`Asked::in_file`]) is the one impure piece, for the callers' convenience.

use super::flow::{Flow, Item, Marker};

/// The requests of a letter outside its numbered comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Asked {
    /// The letter asks for the company's written acknowledgment of its responsibility
    /// for its disclosure (the three "the company acknowledges that…" statements).
    pub acknowledgment: bool,
}

impl Asked {
    /// The requests found in a letter's text. Line breaks, page headers and case do not
    /// matter: the request is a "statement" (or "letter") "from the company" followed,
    /// within the sentence, by "acknowledging".
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
        Asked { acknowledgment }
    }

    /// The requests found in the letter file at `path`; a file that cannot be read
    /// asks nothing (reading the letter itself reports the error).
    pub fn in_file(path: &std::path::Path) -> Asked {
        std::fs::read(path)
            .map(|bytes| Asked::in_text(&String::from_utf8_lossy(&bytes)))
            .unwrap_or_default()
    }
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
