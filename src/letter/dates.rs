//! Dates as letters print them ("November 17, 2014"), and US business-day arithmetic
//! for response deadlines.

use super::keyed::is_word_byte;
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+(\d{4})\b",
    )
    .expect("date regex")
});

/// A date found in text, with where it stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The calendar date.
    pub date: NaiveDate,
    /// Byte range of the match in the searched text.
    pub start: usize,
    /// End of the match (exclusive).
    pub end: usize,
}

/// The first "Month D, YYYY" date in `text`.
pub fn find_date(text: &str) -> Option<FoundDate> {
    if text.is_ascii() {
        find_ascii_date(text)
    } else {
        find_date_by_regex(text)
    }
}

/// [`find_date`] by [`DATE`] (`\s`, `\d` and the case of letters are Unicode's).
fn find_date_by_regex(text: &str) -> Option<FoundDate> {
    DATE.find_iter(text).find_map(|m| {
        let (month, day, year) = date_parts(m.as_str());
        found(month, day, year, m.start(), m.end())
    })
}

/// The date of a match of [`DATE`] from `start` to `end`, if its parts make one.
fn found(month: &str, day: &str, year: &str, start: usize, end: usize) -> Option<FoundDate> {
    let month = month_number(month)?;
    let day: u32 = day.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(FoundDate { date, start, end })
}

/// [`find_date`] of ASCII text, read byte by byte as [`DATE`] reads it (a line holding a
/// date runs no regex): the matches, leftmost first and each searched for after the
/// last, are the regex's (a test compares them).
fn find_ascii_date(text: &str) -> Option<FoundDate> {
    let bytes = text.as_bytes();
    // A date has a year: text without a digit has none.
    if !bytes.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let mut at = 0;
    while at < bytes.len() {
        // A month starts a word: a letter after no word character.
        let starts = bytes[at].is_ascii_alphabetic() && (at == 0 || !is_word_byte(bytes[at - 1]));
        if !starts {
            at += 1;
            continue;
        }
        let word_end = at + run(&bytes[at..], u8::is_ascii_alphabetic);
        match ascii_date_at(text, at, word_end) {
            Some((month, day, year, end)) => {
                if let Some(date) = found(month, day, year, at, end) {
                    return Some(date);
                }
                at = end;
            }
            None => at = word_end,
        }
    }
    None
}

/// The month, day and year of a match of [`DATE`] in ASCII `text` whose month is the
/// word from `start` to `word_end`, and where the match ends.
fn ascii_date_at(text: &str, start: usize, word_end: usize) -> Option<(&str, &str, &str, usize)> {
    let bytes = text.as_bytes();
    // The month is a whole run of letters: one followed by a letter is no match.
    let month = &text[start..word_end];
    if !MONTH_WORDS.iter().any(|m| month.eq_ignore_ascii_case(m)) {
        return None;
    }
    let mut at = word_end;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
    }
    let gap = run(&bytes[at..], is_space);
    let day_start = at + gap;
    let day_len = run(&bytes[day_start..], u8::is_ascii_digit);
    if gap == 0 || !(1..=2).contains(&day_len) {
        return None;
    }
    at = day_start + day_len;
    if bytes.get(at) == Some(&b',') {
        at += 1;
    }
    let gap = run(&bytes[at..], is_space);
    let year_start = at + gap;
    let end = year_start + 4;
    let whole_year = run(&bytes[year_start..], u8::is_ascii_digit) == 4
        && bytes.get(end).is_none_or(|b| !is_word_byte(*b));
    (gap > 0 && whole_year).then(|| {
        let day = &text[day_start..day_start + day_len];
        (month, day, &text[year_start..end], end)
    })
}

/// How many of the first bytes of `bytes` are `of` the kind.
fn run(bytes: &[u8], of: impl Fn(&u8) -> bool) -> usize {
    bytes.iter().take_while(|b| of(b)).count()
}

/// Every spelling of a month [`DATE`] takes (any case).
const MONTH_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "sepember",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Whether `word` spells a month as [`MONTH_WORDS`] do (any case, a full stop or comma
/// after it).
pub(super) fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    MONTH_WORDS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// A byte of white space in ASCII text (`\s`).
fn is_space(b: &u8) -> bool {
    matches!(*b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The month, day and year of a match of [`DATE`] (its three groups, read without the
/// regex engine's captures, which would walk each match again): the month's letters up
/// to a `.` or white space, the digits up to a `,` or white space, and the rest.
fn date_parts(found: &str) -> (&str, &str, &str) {
    let month_end = found
        .find(|c: char| c == '.' || c.is_whitespace())
        .unwrap_or(found.len());
    let (month, rest) = found.split_at(month_end);
    let rest = rest.strip_prefix('.').unwrap_or(rest).trim_start();
    let day_end = rest
        .find(|c: char| c == ',' || c.is_whitespace())
        .unwrap_or(rest.len());
    let (day, rest) = rest.split_at(day_end);
    let year = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    (month, day, year)
}

fn month_number(name: &str) -> Option<u32> {
    // (Compared in any ASCII case, without a lowercase copy.)
    let key = name.get(..3)?.as_bytes();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| m.as_bytes().eq_ignore_ascii_case(key))
        .map(|i| i as u32 + 1)
}

/// `date` as ISO text (`2024-03-01`), as chrono's `to_string` writes it; years of four
/// digits written digit by digit (chrono's formatting machinery costs more than the rest
/// of a letter's dates), others left to chrono.
pub fn iso(date: NaiveDate) -> String {
    let (year, month, day) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&year) {
        return date.to_string();
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let year = year.unsigned_abs();
    let text = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    String::from_utf8(text.to_vec()).expect("digits and dashes are ASCII")
}

/// `count` US business days after `start`: weekends and federal holidays are skipped.
pub fn add_business_days(start: NaiveDate, count: u32) -> NaiveDate {
    let mut calendar = Calendar::default();
    let mut day = start;
    let mut left = count;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if calendar.is_business_day(day) {
            left -= 1;
        }
    }
    day
}

/// Business days from `from` to `to`: how many come after `from` up to and including
/// `to` (0 when `to` is `from`), negative when `to` is earlier. Counts at most
/// `limit` days either way (a date years off says no more than that).
pub fn business_days_between(from: NaiveDate, to: NaiveDate, limit: u32) -> i64 {
    let (start, end, sign) = if to >= from {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut calendar = Calendar::default();
    let mut day = start;
    let mut count = 0;
    while day < end && count < i64::from(limit) {
        day = day.succ_opt().unwrap_or(end);
        if calendar.is_business_day(day) {
            count += 1;
        }
    }
    sign * count
}

/// Whether `day` is a weekday that is not a US federal holiday (as observed).
pub fn is_business_day(day: NaiveDate) -> bool {
    Calendar::default().is_business_day(day)
}

/// Whether `day` is a US federal holiday, or the weekday on which one is observed.
pub fn is_federal_holiday(day: NaiveDate) -> bool {
    Calendar::default().is_federal_holiday(day)
}

/// The federal holidays of the year last looked at and of the next: days counted one
/// by one compute each year's holidays once, not once a day (the next year's only when
/// its New Year's Day is asked about, on Dec 31).
#[derive(Default)]
struct Calendar {
    /// The year whose holidays are kept.
    year: Option<i32>,
    /// Its holidays ([`holidays`]).
    this: [Option<NaiveDate>; 11],
    /// The next year's holidays, once asked for.
    next: Option<[Option<NaiveDate>; 11]>,
}

impl Calendar {
    fn is_business_day(&mut self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_federal_holiday(day)
    }

    fn is_federal_holiday(&mut self, day: NaiveDate) -> bool {
        let year = day.year();
        if self.year != Some(year) {
            *self = Calendar {
                year: Some(year),
                this: holidays(year),
                next: None,
            };
        }
        // New Year's Day of the next year can be observed on Dec 31 of this one (no
        // other holiday of a year is observed in the year before).
        self.this.contains(&Some(day))
            || (day.month() == 12
                && day.day() == 31
                && self
                    .next
                    .get_or_insert_with(|| holidays(year + 1))
                    .contains(&Some(day)))
    }
}

/// The federal holidays of one year ([`holidays_of`]).
type Holidays = [Option<NaiveDate>; 11];

thread_local! {
    /// The year whose holidays a thread last worked out, and those holidays: the letters
    /// a thread reads one after another are mostly of one year.
    static LAST_YEAR: std::cell::Cell<Option<(i32, Holidays)>> = const { std::cell::Cell::new(None) };
}

/// The federal holidays of `year` ([`holidays_of`]), worked out once for a run of asks
/// about the same year on a thread.
fn holidays(year: i32) -> Holidays {
    LAST_YEAR.with(|last| match last.get() {
        Some((kept, days)) if kept == year => days,
        _ => {
            let days = holidays_of(year);
            last.set(Some((year, days)));
            days
        }
    })
}

/// The federal holidays of `year`, as observed (Juneteenth from 2021).
fn holidays_of(year: i32) -> Holidays {
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d).map(observed);
    let nth = |m, wd, n| NaiveDate::from_weekday_of_month_opt(year, m, wd, n);
    [
        fixed(1, 1),
        nth(1, Weekday::Mon, 3),
        nth(2, Weekday::Mon, 3),
        last_weekday_of_month(year, 5, Weekday::Mon),
        fixed(7, 4),
        nth(9, Weekday::Mon, 1),
        nth(10, Weekday::Mon, 2),
        fixed(11, 11),
        nth(11, Weekday::Thu, 4),
        fixed(12, 25),
        if year >= 2021 { fixed(6, 19) } else { None },
    ]
}

fn observed(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => day.pred_opt().unwrap_or(day),
        Weekday::Sun => day.succ_opt().unwrap_or(day),
        _ => day,
    }
}

fn last_weekday_of_month(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    (1..=5)
        .rev()
        .find_map(|n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_written_as_chrono_writes_them() {
        let years = [
            -10_000, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 1999, 2024, 9999, 10_000,
        ];
        for year in years {
            for (month, day) in [(1, 1), (2, 29), (9, 30), (10, 9), (12, 31)] {
                if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                    assert_eq!(iso(date), date.to_string(), "{year}-{month}-{day}");
                }
            }
        }
        let mut date = NaiveDate::from_ymd_opt(1999, 12, 1).unwrap();
        for _ in 0..800 {
            assert_eq!(iso(date), date.to_string());
            date = date.succ_opt().unwrap();
        }
    }

    /// Pieces of text around and within dates: months of every spelling and case,
    /// words that only start like one, marks, white space, runs of digits.
    fn date_piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "Mar",
            "March",
            "march",
            "MAY",
            "Maybe",
            "Sept",
            "Sepember",
            "september",
            "June",
            "jun",
            "Dec",
            "Marching",
            "Febr",
            "x",
            "_",
            "a1",
            ".",
            ",",
            ", ",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{b}",
            "\u{c}",
            "\r",
            "-",
            "(",
            "0",
            "5",
            "12",
            "31",
            "123",
            "2024",
            "1999",
            "20245",
            "2024_",
            "30",
            "29",
            "2023",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]
        /// The byte-by-byte reading of ASCII text finds what the regex finds, where it
        /// finds it: in pieces strung at random, and in dates whose every part is drawn
        /// from what a date may or may not hold there.
        #[test]
        fn ascii_dates_are_found_as_the_regex_finds_them(
            noise in proptest::collection::vec(date_piece(), 0..8),
            month in proptest::sample::select(vec![
                "Jan", "january", "FEB", "Mar", "March", "MAY", "Maybe", "Sep", "Sept", "Sepember",
                "september", "Septs", "jun", "July", "Dec", "Marching", "Febr", "x",
            ]),
            dot in proptest::sample::select(vec!["", ".", ","]),
            gap in proptest::sample::select(vec!["", " ", "\t ", "\n"]),
            day in proptest::sample::select(vec!["", "0", "5", "12", "31", "30", "29", "123", "a"]),
            comma in proptest::sample::select(vec!["", ",", "."]),
            gap2 in proptest::sample::select(vec!["", " ", "  ", "\r\n"]),
            year in proptest::sample::select(vec!["2024", "1999", "20245", "202", "2024_", "x"]),
            after in proptest::sample::select(vec!["", ".", ",", "_", "x", "5", " ", "\u{b}"]),
            at in 0usize..8,
        ) {
            let date = [month, dot, gap, day, comma, gap2, year, after].concat();
            let mut pieces = noise;
            pieces.insert(at.min(pieces.len()), &date);
            let text = pieces.concat();
            proptest::prop_assert_eq!(find_date(&text), find_date_by_regex(&text), "{:?}", text);
        }
    }

    #[test]
    fn ascii_dates_skip_impossible_days_as_the_regex_does() {
        for text in [
            "February 30, 2024 and March 1, 2024",
            "Sept. 5, 2020",
            "Filed Sepember 9 2021",
            "on May 5, 20245 or May 6, 2024",
            "x_March 5, 2020; (March 6, 2020)",
            "March 123, 2020 then Dec 31,\t1999",
        ] {
            assert_eq!(find_date(text), find_date_by_regex(text), "{text}");
            assert!(find_date(text).is_some(), "{text}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn business_days_between_skips_weekends_and_holidays_both_ways() {
        // Friday 2024-06-14 to Monday 2024-06-17: one business day; Juneteenth skipped.
        assert_eq!(
            business_days_between(d(2024, 6, 14), d(2024, 6, 17), 100),
            1
        );
        assert_eq!(
            business_days_between(d(2024, 6, 17), d(2024, 6, 21), 100),
            3
        );
        assert_eq!(
            business_days_between(d(2024, 6, 21), d(2024, 6, 17), 100),
            -3
        );
        assert_eq!(
            business_days_between(d(2024, 6, 17), d(2024, 6, 17), 100),
            0
        );
        assert_eq!(business_days_between(d(2024, 1, 2), d(2030, 1, 2), 5), 5);
        let due = add_business_days(d(2024, 3, 20), 9);
        assert_eq!(business_days_between(d(2024, 3, 20), due, 100), 9);
    }

    #[test]
    fn finds_printed_dates() {
        assert_eq!(
            find_date("November 17, 2014").unwrap().date,
            d(2014, 11, 17)
        );
        assert_eq!(find_date("Filed Sept. 5 2024").unwrap().date, d(2024, 9, 5));
        assert!(find_date("February 30, 2014").is_none());
        assert!(find_date("no date here").is_none());
    }

    #[test]
    fn a_year_s_holidays_are_kept_as_worked_out() {
        for year in [2024, 2024, 2019, 2025, 2024, 2021, 2020, 2020, 1999, 2030] {
            assert_eq!(holidays(year), holidays_of(year), "{year}");
        }
    }

    #[test]
    fn the_kept_calendar_counts_as_each_day_alone() {
        // Each day's holidays worked out afresh, as before the calendar and each
        // thread kept a year's.
        let alone = |day: NaiveDate| {
            let holiday = holidays_of(day.year()).contains(&Some(day))
                || (day.month() == 12 && holidays_of(day.year() + 1).contains(&Some(day)));
            !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holiday
        };
        let mut day = d(2014, 1, 1);
        while day < d(2027, 1, 1) {
            let (mut due, mut left) = (day, 10);
            while left > 0 {
                due = due.succ_opt().unwrap();
                left -= u32::from(alone(due));
            }
            assert_eq!(add_business_days(day, 10), due, "{day}");
            assert_eq!(business_days_between(day, due, 100), 10, "{day}");
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn date_parts_are_the_regex_groups() {
        let text = "Filed Sept. 5 2024; on JAN\u{A0}\u{2003}17,\u{2009}2014, May 1,2020 \
                    and \u{17F}ep 9 1999, Dec.\t31, \u{663}\u{664}\u{665}\u{666}";
        let (mut found, mut parts) = (Vec::new(), Vec::new());
        for c in DATE.captures_iter(text) {
            found.push((c[1].to_string(), c[2].to_string(), c[3].to_string()));
        }
        for m in DATE.find_iter(text) {
            let (month, day, year) = date_parts(m.as_str());
            parts.push((month.to_string(), day.to_string(), year.to_string()));
        }
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(parts, found);
    }

    #[test]
    fn thanksgiving_is_skipped() {
        assert_eq!(add_business_days(d(2014, 11, 17), 10), d(2014, 12, 2));
    }

    #[test]
    fn plain_weeks() {
        assert_eq!(add_business_days(d(2017, 9, 19), 10), d(2017, 10, 3));
    }

    #[test]
    fn observed_holidays() {
        // July 4, 2020 was a Saturday: observed Friday July 3.
        assert!(is_federal_holiday(d(2020, 7, 3)));
        // January 1, 2022 was a Saturday: observed Friday December 31, 2021.
        assert!(is_federal_holiday(d(2021, 12, 31)));
        // Juneteenth only from 2021.
        assert!(!is_federal_holiday(d(2020, 6, 19)));
        assert!(is_federal_holiday(d(2023, 6, 19)));
        assert!(is_federal_holiday(d(2024, 5, 27)));
    }
}
