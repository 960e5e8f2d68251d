//! A company's letter asking the staff to declare a registration statement effective
//! (Rule 461: "the Company hereby requests acceleration of the effective date of the
//! Registration Statement so that it will become effective at 4:00 p.m. on May 14,
//! 2018"): filed on EDGAR as correspondence like a response, it restates no comment;
//! it closes the company's side of a registration statement's review.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use super::dates::iso;
use super::model::Effectiveness;
use super::prose::dates;

/// The words of the request: "acceleration of the effectiveness", "accelerate the
/// effective date", "the effective date of the Registration Statement be accelerated",
/// "request that the Registration Statement be declared effective".
static ASKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\baccelerat(?:e|ed|ion|ing)\s+(?:of\s+)?(?:the\s+)?effective(?:ness|\s+date)\b|\beffective(?:ness|\s+date)\b[^;]{0,250}?\bbe\s+accelerated\b|\brequest(?:s|ed)?\b[^;]{0,250}?\bbe\s+(?:declared|made)\s+effective\b",
    )
    .expect("effectiveness regex")
});

/// What the request is about: a registration statement (Rule 461 is the rule on
/// requests for acceleration).
static REGISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bregistration\s+statement\b|\brule\s+461\b").expect("registration regex")
});

/// A letter taking a request back: "we withdraw the request contained in a letter
/// dated December 13, 2016 that Registration Statement File No. 333-214566 be made
/// effective", "Withdrawal of request". Not a request's "the Company may withdraw this
/// request by calling".
static WITHDRAWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:we|company|registrant)\s+(?:hereby\s+)?withdraws?\s+(?:the|its|our)\s+(?:\w+\s+)?request\b|\bwithdrawal\s+of\s+(?:the\s+|its\s+|our\s+)?request\b",
    )
    .expect("withdrawal regex")
});

/// How far after the request the date it asks for is looked for: the request's
/// sentence runs on past a time ("at 4:00 p.m., Eastern Time, on May 10, 2018").
const DATE_WITHIN: usize = 400;

/// The request for effectiveness `body` (a company letter's prose, restating no
/// comment) makes, if it asks that a registration statement's effective date be
/// accelerated, or that it be declared effective (not when it withdraws such a
/// request). Its date is the first named within [`DATE_WITHIN`] bytes of the request
/// on or after `dated`, the letter's own: dates before it are the amendments' filed
/// ("as amended by Amendment No. 2 filed on May 3, 2018").
pub fn asked(body: &str, dated: Option<NaiveDate>) -> Option<Effectiveness> {
    if !REGISTRATION.is_match(body) || WITHDRAWN.is_match(body) {
        return None;
    }
    let found = ASKS.find(body)?;
    let mut end = (found.end() + DATE_WITHIN).min(body.len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let at = dates(&body[found.start()..end])
        .map(|(date, _)| date)
        .find(|&date| dated.is_none_or(|own| date >= own));
    Some(Effectiveness { at: at.map(iso) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_request_for_acceleration_names_the_day_asked_for() {
        let body = "Re: Tarnbrook Looms Inc. Registration Statement on Form S-4 (File No. \
                    333-271234) Ladies and Gentlemen: Pursuant to Rule 461, the Company \
                    hereby requests that the effective date of the Registration Statement, \
                    as amended by Amendment No. 2 filed on May 3, 2025, be accelerated so \
                    that it will become effective at 4:00 p.m., Eastern Time, on May 14, \
                    2025, or as soon thereafter as practicable.";
        let asked = asked(body, on(2025, 5, 12)).unwrap();
        assert_eq!(asked.at.as_deref(), Some("2025-05-14"));
    }

    #[test]
    fn each_way_of_asking_is_read() {
        for body in [
            "The Company respectfully requests the acceleration of the effectiveness of \
             the Registration Statement.",
            "The Registrant hereby requests acceleration of effectiveness of its \
             registration statement on Form S-4.",
            "The Registrant requests that the Commission accelerate the effective date of \
             the Registration Statement. The Registrant may orally withdraw this request.",
            "We request that the Registration Statement be declared effective at 9:00 a.m.",
            "The undersigned hereby requests, pursuant to Rule 461(a), that the \
             Registration Statement be declared effective.",
        ] {
            let asked = asked(body, on(2025, 5, 12));
            assert_eq!(asked, Some(Effectiveness { at: None }), "{body}");
        }
        // The request names its day before a later mention of it does.
        let body = "The Company hereby requests the Registration Statement be made effective \
                    at 10:00 a.m., Eastern Time, on May 14, 2025. Please notify counsel when \
                    this request for acceleration of effectiveness has been granted.";
        let at = asked(body, on(2025, 5, 12)).and_then(|a| a.at);
        assert_eq!(at.as_deref(), Some("2025-05-14"));
    }

    #[test]
    fn accelerated_filers_and_accounting_are_not_requests() {
        for body in [
            "As a large accelerated filer, the Company's registration statement on Form \
             S-3 became effective automatically.",
            "The Company accelerated the vesting of awards; the amendment is effective \
             immediately. The registration statement on Form S-8 covers them.",
            "We request an extension of time to respond to the staff's letter.",
            "On behalf of the Company, we withdraw the request contained in a letter dated \
             May 12, 2025 that Registration Statement File No. 333-287654 be made \
             effective on May 14, 2025.",
        ] {
            assert_eq!(asked(body, on(2025, 5, 12)), None, "{body}");
        }
        // Asked of something other than a registration statement: not this request.
        assert_eq!(
            asked(
                "We ask that the effective date of the policy be accelerated.",
                None
            ),
            None
        );
    }
}
