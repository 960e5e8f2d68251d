//! A company's letter asking the staff for more time to respond ("we respectfully
//! request an extension until August 17, 2016 to respond"): filed on EDGAR as
//! correspondence like a response, it answers no comment, and the date it names is
//! when the answers are now due.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use super::dates::iso;
use super::model::Extension;
use super::prose::{dates, sentences};

/// The words of a request for more time: "an extension of time", "a further extension
/// to", "additional time", "an additional ten business days", "more time".
static MORE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:an?|further|small|the)\s+extension\s+(?:of|to|until)\b|\badditional\s+(?:time|\w+\s+(?:business|calendar)\s+days)\b|\bmore\s+time\b",
    )
    .expect("more-time regex")
});

/// The words that make the date after them a deadline: "by April 1, 2020", "no later
/// than", "on or before", "on or about", "until Wednesday, April 13, 2016", "an
/// extension to August 22, 2016".
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:by|no later than|on or before|on or about|until|to)\s+(?:(?:monday|tuesday|wednesday|thursday|friday),?\s+)?$",
    )
    .expect("deadline regex")
});

/// The words of a response: "respond", "responded", "our response", "responses".
static RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:respond(?:s|ed|ing)?|responses?)\b").expect("response regex")
});

/// The extension `body` (a company letter's prose, restating no comment) asks for, if
/// one of its sentences speaks of the response and asks for more time ("we
/// respectfully request an extension of time to respond") or sets it a deadline after
/// `dated`, the letter's own date ("we propose to provide you with our response by
/// April 1, 2020"). The answers are then due the latest deadline set in a sentence on
/// the response or on more time ("on or before March 10, 2023"; "we will require
/// additional time to prepare our response. Accordingly, we request an extension to
/// August 17, 2016"). Other dates are the staff letter's, the calls made about it, the
/// period a filing covers ("the Fiscal Year Ended December 31, 2022").
pub fn asked(body: &str, dated: Option<NaiveDate>) -> Option<Extension> {
    let mut asks = false;
    let mut until = None;
    for s in sentences(body) {
        let response = of_the_response(s);
        let more_time = MORE_TIME.is_match(s);
        if !(response || more_time) {
            continue;
        }
        let deadline = dates(s)
            .filter(|&(d, start)| dated.is_none_or(|own| d > own) && BY.is_match(&s[..start]))
            .map(|(d, _)| d)
            .max();
        asks |= response && (deadline.is_some() || more_time);
        until = until.max(deadline);
    }
    asks.then(|| Extension {
        until: until.map(iso),
    })
}

/// Whether `sentence` speaks of the company's response ("we will respond", "our
/// response"), not only "in response to", which opens an answer ("In response to the
/// Staff's comment, we will file the amendment by April 5, 2025").
fn of_the_response(sentence: &str) -> bool {
    RESPONSE.find_iter(sentence).any(|m| {
        let before = sentence[..m.start()].split_whitespace().next_back();
        !before.is_some_and(|w| w.eq_ignore_ascii_case("in"))
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
    fn the_deadline_may_stand_in_the_sentence_asking_for_time() {
        let body = "Although your letter requested a response within ten business days, we \
                    will require additional time to prepare our response. Accordingly, we \
                    respectfully request an extension to August 17, 2016.";
        let more = asked(body, date(2016, 7, 27)).expect("asks for time");
        assert_eq!(more.until.as_deref(), Some("2016-08-17"));
    }

    #[test]
    fn a_letter_saying_when_the_response_will_come_asks_for_time_until_then() {
        let body = "We note from your comment letter dated February 26, 2020 that you have \
                    requested a response within ten business days. To ensure that we have \
                    adequate time, we propose to provide you with our response by April 1, 2020.";
        let more = asked(body, date(2020, 3, 18)).expect("asks for time");
        assert_eq!(more.until.as_deref(), Some("2020-04-01"));
        let body = "The Company is finalizing its response, which it intends to submit no \
                    later than October 15, 2021.";
        assert!(asked(body, date(2021, 10, 1)).is_some());
        // An answer promising a filing by a date is not one, nor a response to
        // comments made by telephone on an earlier date.
        let body = "In response to the Staff's comment, the Company will file the \
                    amended report on or before April 5, 2025.";
        assert_eq!(asked(body, date(2025, 3, 20)), None);
        let body = "This letter is submitted in response to the oral comments provided by \
                    the staff during a telephone conference on June 21, 2018.";
        assert_eq!(asked(body, date(2018, 7, 24)), None);
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
        // A letter on a credit facility's extension, and a request for effectiveness.
        let body = "We entered into an extension of the credit facility on May 2, 2024. \
                    The facility now matures on May 2, 2029.";
        assert_eq!(asked(body, date(2024, 5, 6)), None);
        assert_eq!(
            asked("Please declare the registration statement effective.", None),
            None
        );
    }
}
