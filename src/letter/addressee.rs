//! The addressee block of a letter's header: who it is addressed to (name, title),
//! the company as that block spells it, and the address; for a company's response,
//! the staff member it is for ("Attn: Name, Title").

use super::model::Person;

/// The fields of a letter's header that its addressee block fills in or corrects.
pub(super) struct Addressed<'h> {
    /// Who the letter is addressed to.
    pub(super) addressee: &'h mut Person,
    /// The company the letter concerns (as the "Re:" block names it, if read).
    pub(super) company: &'h mut Option<String>,
    /// The addressee's organisation, when it is not that company.
    pub(super) organisation: &'h mut Option<String>,
    /// Every company the header names.
    pub(super) companies: &'h mut Vec<String>,
    /// The address lines.
    pub(super) address: &'h mut Vec<String>,
}

/// `s` with only its letters and digits, lowercased, written over `out`.
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    // Room for the whole text at once, not grown a character at a time.
    out.reserve(s.len());
    if s.is_ascii() {
        // (Most names: byte by byte.)
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}

/// Read the addressee block (the top lines that are neither the date nor letterhead)
/// into `to`, the "Re:" block being read already; `to_sec`: the letter is addressed to
/// the Commission.
pub(super) fn read_addressee(block: &[&str], to_sec: bool, to: Addressed) {
    if to_sec {
        // A company's response: the addressee is the staff ("Attn: Name, Title").
        if let Some(attn) = block.iter().find_map(|l| {
            l.strip_prefix("Attn:")
                .or_else(|| l.strip_prefix("Attention:"))
        }) {
            let (name, title) = split_name_title(attn.trim());
            *to.addressee = Person {
                name: Some(name),
                title,
            };
        }
        return;
    }
    let Some((name, rest)) = block.split_first() else {
        return;
    };
    to.addressee.name = Some(name.to_string());
    let company_at = to.company.as_deref().and_then(|company| {
        let (mut key, mut n) = (String::new(), String::new());
        normalise_into(company, &mut key);
        rest.iter().position(|l| {
            normalise_into(l, &mut n);
            !n.is_empty() && (n == key || similar(&n, &key))
        })
    });
    match company_at {
        Some(at) => {
            let titles = &rest[..at];
            to.addressee.title = (!titles.is_empty()).then(|| titles.join(", "));
            if !to.companies.iter().any(|c| c == rest[at]) {
                // The two spellings differ: the addressee block's is the one typed with care
                // (the "Re:" line is where typos were seen).
                to.companies.push(rest[at].to_string());
                *to.company = Some(rest[at].to_string());
            }
            *to.address = rest[at + 1..].iter().map(|s| s.to_string()).collect();
        }
        None => {
            to.addressee.title = rest.first().map(|s| s.to_string());
            if let Some(company) = rest.get(1) {
                // The "Re:" block names a company this block does not: the line under
                // the title is the addressee's own organisation.
                match to.company {
                    None => *to.company = Some(company.to_string()),
                    Some(_) => *to.organisation = Some(company.to_string()),
                }
                to.companies.push(company.to_string());
            }
            *to.address = rest.iter().skip(2).map(|s| s.to_string()).collect();
        }
    }
}

/// Near-equal company names: one is a prefix of the other or they differ in a few letters.
fn similar(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 6 && long.starts_with(short) {
        return true;
    }
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 8 && common * 10 >= long.len() * 7
}

/// "Jim B. Rosenberg, Senior Assistant Chief Accountant" → name and title. A suffix of
/// the name after its comma ("Stephen Bramlage, Jr.") stays in the name.
pub fn split_name_title(s: &str) -> (String, Option<String>) {
    let s = joined_name(s.trim());
    let s = s.as_str();
    let Some((name, after)) = s.split_once(", ") else {
        return (s.to_string(), None);
    };
    let (suffix, title) = after.split_once(", ").unwrap_or((after, ""));
    let (name, title) = if NAME_SUFFIXES.contains(&suffix.trim()) {
        (format!("{name}, {}", suffix.trim()), title.trim())
    } else {
        (name.trim().to_string(), after.trim())
    };
    (name, (!title.is_empty()).then(|| title.to_string()))
}

/// `name` as its person writes it: an apostrophe after a capital letter that starts a
/// word and before a capital ("O' Brien", split after the apostrophe in the PDF's
/// layout) joins the two ("O'Brien").
pub(super) fn joined_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    for (i, &c) in chars.iter().enumerate() {
        let split = c.is_whitespace()
            && i >= 2
            && matches!(chars[i - 1], '\'' | '\u{2019}')
            && chars[i - 2].is_uppercase()
            && (i == 2 || !chars[i - 3].is_alphabetic())
            && chars.get(i + 1).is_some_and(|n| n.is_uppercase());
        if !split {
            out.push(c);
        }
    }
    out
}

/// What follows a person's name after a comma and is part of it, not a title.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Esq.", "Esq"];

#[cfg(test)]
mod tests {
    use super::{joined_name, split_name_title};

    #[test]
    fn a_name_split_after_its_apostrophe_is_joined() {
        assert_eq!(
            joined_name("Terence O\u{2019} Brien"),
            "Terence O\u{2019}Brien"
        );
        assert_eq!(joined_name("Dana D' Angelo"), "Dana D'Angelo");
        // Not a name's apostrophe: after a word, or before a small letter.
        assert_eq!(
            joined_name("the Staffs' Reviewers"),
            "the Staffs' Reviewers"
        );
        assert_eq!(joined_name("O' neil"), "O' neil");
        assert_eq!(
            split_name_title("Terence O' Brien, Accounting Branch Chief"),
            (
                "Terence O'Brien".to_owned(),
                Some("Accounting Branch Chief".to_owned())
            )
        );
    }
}
