//! Counts as people read them.

/// `n` with a comma between each group of three digits: 10000 → "10,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The numbers one to nineteen in words.
pub const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens from twenty in words.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a count written in digits or in words up to ninety-nine, in any case
/// ("10", "ten", "Twenty-one"), as letters write deadlines ("within ten business
/// days") and comment numbers ("your responses to comments five and six").
pub fn count_value(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    let position = |list: &[&str], w: &str| {
        list.iter()
            .position(|u| u.eq_ignore_ascii_case(w))
            .map(|i| i as u32)
    };
    let (tens, unit) = word.split_once('-').unwrap_or((word, ""));
    match position(&TENS, tens) {
        Some(t) if unit.is_empty() => Some(20 + 10 * t),
        Some(t) => position(&UNITS[..9], unit).map(|u| 20 + 10 * t + u + 1),
        None => position(&UNITS, word).map(|u| u + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::{count_value, thousands};

    #[test]
    fn counts_in_digits_and_words() {
        assert_eq!(count_value("10"), Some(10));
        assert_eq!(count_value("Ten"), Some(10));
        assert_eq!(count_value("nineteen"), Some(19));
        assert_eq!(count_value("twenty"), Some(20));
        assert_eq!(count_value("twenty-one"), Some(21));
        assert_eq!(count_value("Ninety-Nine"), Some(99));
        assert_eq!(count_value("twenty-ten"), None);
        assert_eq!(count_value("tenfold"), None);
    }

    #[test]
    fn groups_of_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(3200), "3,200");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
