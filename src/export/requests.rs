//! The blocks the response letter gives what a staff letter asks besides its numbered
//! comments ([`Asked`]): the acknowledgment, answered in the staff's own words, and
//! each other request restated with its answer from the drafts file, or named as
//! unanswered.

use chrono::NaiveDate;

use super::asked::Request;
use super::flow::{self, Flow, Item, Marker};
use super::model::{Block, Tally, long_date};
use super::settings::ExportSettings;
use crate::letter::Letter;

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
/// letter sets a deadline and the export is made after it; after a request for more
/// time ([`ExportSettings::extended`]), the date it named is the deadline, and after a
/// reply ([`ExportSettings::replied`]) there is none.
pub(super) fn past_due(letter: &Letter, settings: &ExportSettings) -> Option<String> {
    if settings.replied {
        return None;
    }
    let date = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok();
    let today = settings.now?.date_naive();
    if let Some(until) = settings.extended.as_deref().and_then(date) {
        return (today > until).then(|| {
            format!(
                "the company asked for more time, to respond by {}; that date has passed (tell the staff when the response will come)",
                long_date(until)
            )
        });
    }
    let due = date(letter.response_due.as_deref()?)?;
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
    use crate::export::asked::{Asked, wants_an_answer};
    use toml_edit::DocumentMut;

    #[test]
    fn finds_the_request_across_line_breaks() {
        let text = "We urge all persons who are responsible for the accuracy\nof the disclosure.\n\nIn responding to our comments, please provide a written\nstatement from the company Acknowledging\nthat:\n\n- the company is responsible for the adequacy";
        assert!(Asked::in_text(text).acknowledgment);
        let older = "Please furnish a letter from the registrant acknowledging that the registrant is responsible.";
        assert!(Asked::in_text(older).acknowledgment);
    }

    /// A staff letter whose closing asks for two things besides its comments.
    const ASKING: &str = "March 1, 2024\n\nAda Quill\nChief Financial Officer\nTarnbrook Looms Inc.\n\nRe: Tarnbrook Looms Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2023\nFile No. 001-12345\n\nDear Ms. Quill:\n\nWe have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.\n\nPlease respond to this letter within ten business days by amending your filing.\n\n1. Please revise the loom table on page 12.\n\n2. Please tell us about the Harrowgate mill.\n\nWe urge all persons who are responsible for the accuracy and adequacy of the disclosure in the filing to be certain that the filing includes the information the Exchange Act requires.\n\nPlease provide us with an unredacted copy of Exhibit 10.4 with your response.\n\nPlease also send us the slides shown to investors on March 1, 2024.\n\nPlease contact Jo Ledger at (202) 551-0000 with any questions.\n\nSincerely,\n\nSam Reviewer\nOffice of Manufacturing\n";

    /// The letter asks for a response within ten business days of March 1, 2024: by
    /// March 15. The company asked for more time, to April 5.
    #[test]
    fn a_deadline_passed_is_the_staffs_or_the_one_the_company_asked_for() {
        let letter = crate::letter::parse_bytes("letter.txt", ASKING.as_bytes()).unwrap();
        assert_eq!(letter.response_due.as_deref(), Some("2024-03-15"));
        let on = |day: &str, extended: Option<&str>| {
            let settings = ExportSettings {
                now: Some(format!("{day}T12:00:00Z").parse().unwrap()),
                extended: extended.map(str::to_owned),
                ..ExportSettings::default()
            };
            past_due(&letter, &settings)
        };
        assert_eq!(on("2024-03-15", None), None);
        let late = on("2024-03-18", None).unwrap();
        assert!(
            late.starts_with(
                "the staff asked for a response by March 15, 2024; that date has passed"
            ),
            "{late}"
        );
        // After the request for more time, only its date counts.
        assert_eq!(on("2024-03-18", Some("2024-04-05")), None);
        let late = on("2024-04-08", Some("2024-04-05")).unwrap();
        assert!(
            late.starts_with(
                "the company asked for more time, to respond by April 5, 2024; that date has passed"
            ),
            "{late}"
        );
        // Once a response is filed, nothing is late.
        let replied = ExportSettings {
            now: Some("2024-04-08T12:00:00Z".parse().unwrap()),
            replied: true,
            ..ExportSettings::default()
        };
        assert_eq!(past_due(&letter, &replied), None);
        // A letter that sets no deadline, with no request for more time, warns of none.
        let settings = ExportSettings {
            now: Some("2030-01-01T00:00:00Z".parse().unwrap()),
            ..ExportSettings::default()
        };
        assert_eq!(past_due(&Letter::default(), &settings), None);
    }

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
