//! The addressee block of a letter's header: who it is addressed to (name, title),
//! the company as that block spells it, and the address; for a company's response,
//! the staff member it is for ("Attn: Name, Title").

use super::header::Header;
use super::model::Person;

/// `s` with only its letters and digits, lowercased, written over `out`.
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}

/// Read the addressee block (the top lines that are neither the date nor letterhead)
/// into `header`, whose "Re:" block is read already.
pub(super) fn read_addressee(block: &[&str], header: &mut Header) {
    if header.addressed_to_sec {
        // A company's response: the addressee is the staff ("Attn: Name, Title").
        if let Some(attn) = block.iter().find_map(|l| {
            l.strip_prefix("Attn:")
                .or_else(|| l.strip_prefix("Attention:"))
        }) {
            let (name, title) = split_name_title(attn.trim());
            header.addressee = Person {
                name: Some(name),
                title,
            };
        }
        return;
    }
    let Some((name, rest)) = block.split_first() else {
        return;
    };
    header.addressee.name = Some(name.to_string());
    let company_at = header.company.as_deref().and_then(|company| {
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
            header.addressee.title = (!titles.is_empty()).then(|| titles.join(", "));
            if !header.companies.iter().any(|c| c == rest[at]) {
                // The two spellings differ: the addressee block's is the one typed with care
                // (the "Re:" line is where typos were seen).
                header.companies.push(rest[at].to_string());
                header.company = Some(rest[at].to_string());
            }
            header.address = rest[at + 1..].iter().map(|s| s.to_string()).collect();
        }
        None => {
            header.addressee.title = rest.first().map(|s| s.to_string());
            if let Some(company) = rest.get(1) {
                if header.company.is_none() {
                    header.company = Some(company.to_string());
                }
                header.companies.push(company.to_string());
            }
            header.address = rest.iter().skip(2).map(|s| s.to_string()).collect();
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

/// "Jim B. Rosenberg, Senior Assistant Chief Accountant" → name and title.
pub fn split_name_title(s: &str) -> (String, Option<String>) {
    match s.split_once(", ") {
        Some((name, title)) if !title.trim().is_empty() => {
            (name.trim().to_string(), Some(title.trim().to_string()))
        }
        _ => (s.trim().to_string(), None),
    }
}
