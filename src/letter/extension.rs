//! A company's letter asking the staff for more time to respond ("we respectfully
//! request an extension until August 17, 2016 to respond"): filed on EDGAR as
//! correspondence like a response, it answers no comment, and the date it names is
//! when the answers are now due.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use super::dates::{find_date, iso};
use super::model::Extension;

/// The words of a request for more time: "an extension of time", "a further extension
/// to", "additional time", "an additional ten business days", "more time".
static MORE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:an?|further|small|the)\s+extension\s+(?:of|to|until)\b|\badditional\s+(?:time|\w+\s+(?:business|calendar)\s+days)\b|\bmore\s+time\b",
    )
    .expect("more-time regex")
});

/// The extension `body` (a company letter's prose, restating no comment) asks for, if
/// one of its sentences asks for more time to respond (says so and speaks of the
/// response): then the latest date it names after `dated`, the letter's own date, is
/// when the answers are promised ("on or before March 10, 2023"); dates before it are
/// the staff letter's and the calls made about it.
pub fn asked(body: &str, dated: Option<NaiveDate>) -> Option<Extension> {
    let asks = sentences(body).any(|s| {
        let lower = s.to_lowercase();
        MORE_TIME.is_match(s) && (lower.contains("respon") || lower.contains("submit"))
    });
    asks.then(|| Extension {
        until: dates(body)
            .filter(|d| dated.is_none_or(|own| *d > own))
            .max()
            .map(iso),
    })
}

/// The sentences of `text`: cut after a full stop, question or exclamation mark
/// followed by a space (a date's or an abbreviation's stop cuts too, which at worst
/// splits a sentence in two).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '?', '!'])
}

/// Every date `text` names, in order.
fn dates(text: &str) -> impl Iterator<Item = NaiveDate> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let found = find_date(rest)?;
        rest = &rest[found.end..];
        Some(found.date)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_request_for_more_time_is_due_the_latest_date_it_names() {
        let body = "On July 27, 2016, the Company requested an extension until August 17, \
                    2016 to respond to comments of the Staff received on July 20, 2016. \
                    Accordingly, we respectfully request a further extension to August 22, \
                    2016 to submit our response.";
        let more = asked(body, date(2016, 8, 16)).expect("asks for time");
        assert_eq!(more.until.as_deref(), Some("2016-08-22"));

        let body = "We respectfully request an additional ten business days until \
                    Wednesday, April 13, 2016, to respond to your letter dated March 16, 2016.";
        let more = asked(body, date(2016, 3, 22)).expect("asks for time");
        assert_eq!(more.until.as_deref(), Some("2016-04-13"));
    }

    #[test]
    fn a_request_naming_no_later_date_asks_for_time_until_no_date() {
        let body = "The Company respectfully requests an extension of the original due date \
                    of 30 calendar days from the date of your letter of November 21, 2022, \
                    to prepare a response.";
        let more = asked(body, date(2022, 11, 23)).expect("asks for time");
        assert_eq!(more.until, None);
    }

    #[test]
    fn an_extension_that_is_not_of_the_response_asks_for_nothing() {
        // A letter on a credit facility's extension, and a thank-you for time given.
        let body = "We entered into an extension of the credit facility on May 2, 2024. \
                    The facility now matures on May 2, 2029.";
        assert_eq!(asked(body, date(2024, 5, 6)), None);
        assert_eq!(
            asked("Please declare the registration statement effective.", None),
            None
        );
    }
}
