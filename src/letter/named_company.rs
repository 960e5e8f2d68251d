//! The company a letter names outside its header, for a company's letter whose header
//! names none: the company that signs it, or the client its counsel writes for.

use super::phrases::{find_ignore_ascii_case, is_sign_off, signed_name};

/// Words of a company name that say its legal form ("Inc.", "Corporation", "plc",
/// the letters of "L.P." or "N.V."), in lower case: the words a company's name ends
/// with, and those left out when names are compared. Not "LLP": a law firm signs for
/// its client.
pub const LEGAL_FORMS: &[&str] = &[
    "the",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "companies",
    "ltd",
    "limited",
    "plc",
    "llc",
    "lp",
    "l",
    "p",
    "n",
    "v",
    "s",
    "a",
    "nv",
    "sa",
    "ag",
    "se",
    "de",
    "holdings",
    "holding",
    "group",
];

/// The company that signs the letter: the one line between the complimentary close and
/// the signature ("Very truly yours," / "ONEOK, Inc." / "By: /s/ Stephen W. Lake"),
/// when it ends as a company's name does ([`LEGAL_FORMS`]). A company's letter to
/// the staff (an acceleration request, a response) names itself there when its header
/// does not.
pub(super) fn signing_company(lines: &[&str]) -> Option<String> {
    let close = lines
        .iter()
        .position(|l| is_sign_off(l) && signed_name(l).is_none())?;
    let mut below = lines[close + 1..]
        .iter()
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .map(|l| l.trim().trim_matches(['*', '_']).trim());
    let company = below.next()?;
    below.next().and_then(signed_name)?;
    (ends_as_company(company) && company.len() <= 100).then(|| company.to_string())
}

/// Lines of the body in which the opening's "On behalf of" is looked for.
const OPENING_LINES: usize = 8;

/// The client counsel writes for in the letter's opening: "On behalf of Starwood Hotels
/// & Resorts Worldwide, Inc. (“Starwood”), this letter responds…", "On behalf of our
/// client, Lark Widgets plc, we submit…": the name up to its bracket or the comma after
/// it, when it ends as a company's name does.
pub(super) fn client_named(lines: &[&str]) -> Option<String> {
    let opening: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(OPENING_LINES)
        .collect();
    let opening = opening.join(" ");
    let at = find_ignore_ascii_case(&opening, "on behalf of ")?;
    let mut rest = &opening[at + "on behalf of ".len()..];
    for client in ["our client, ", "its client, ", "our client ", "its client "] {
        if let Some(after) = rest.strip_prefix(client) {
            rest = after;
        }
    }
    let end = rest.find(" (").unwrap_or(rest.len());
    let mut name = &rest[..end];
    // "Lark Widgets plc, we submit": the name ends at the comma before a small word.
    if let Some(comma) = name
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| name[i + 2..].starts_with(char::is_lowercase))
    {
        name = &name[..comma];
    }
    let name = name.trim().trim_matches(['*', '_', ',']);
    (name.starts_with(char::is_uppercase) && ends_as_company(name) && name.len() <= 100)
        .then(|| name.to_string())
}

/// Whether `name` ends as a company's name does: with a legal form ([`LEGAL_FORMS`]),
/// a word of one letter only after another ("L.P.", "N.V.").
pub(super) fn ends_as_company(name: &str) -> bool {
    let mut words = name
        .rsplit(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let (Some(last), before) = (words.next(), words.next()) else {
        return false;
    };
    let letter = |w: &str| w.chars().count() == 1;
    LEGAL_FORMS.contains(&last.as_str())
        && last != "the"
        && (!letter(&last) || before.is_some_and(|b| letter(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn the_company_that_signs_is_the_line_over_its_signature() {
        let cases = [
            (
                "Please call me.\n\nVery truly yours,\n\n**Quarry Lane Holdings, Inc.**\n\nBy: /s/ Ann Lee\nAnn Lee",
                Some("Quarry Lane Holdings, Inc."),
            ),
            (
                "Sincerely,\nLark Widgets plc\n/s/ Bo Gee",
                Some("Lark Widgets plc"),
            ),
            // A law firm signs for its client; a person's name is no company.
            ("Sincerely,\nGee & Roe LLP\n/s/ Bo Gee", None),
            ("Sincerely,\nAnn Lee\n/s/ Ann Lee", None),
            // No signature under the line, or no line between.
            ("Sincerely,\nLark Widgets, Inc.\nAnn Lee", None),
            ("Sincerely,\n/s/ Ann Lee\nLark Widgets, Inc.", None),
        ];
        for (text, company) in cases {
            assert_eq!(signing_company(&lines(text)).as_deref(), company, "{text}");
        }
    }

    #[test]
    fn the_client_counsel_writes_for_is_named_in_the_opening() {
        let cases = [
            (
                "On behalf of Quarry Lane Holdings, Inc. (“Quarry Lane”), this letter\nresponds to the comment.",
                Some("Quarry Lane Holdings, Inc."),
            ),
            (
                "On behalf of our client, Lark Widgets plc, we submit this letter.",
                Some("Lark Widgets plc"),
            ),
            ("On behalf of the Company, we thank the Staff.", None),
            ("We respond on behalf of Ann Lee (the “Holder”).", None),
        ];
        for (text, company) in cases {
            assert_eq!(client_named(&lines(text)).as_deref(), company, "{text}");
        }
    }
}
