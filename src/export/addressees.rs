//! Who the response is addressed to, from the staff letter: the staff's address with
//! the office that signed, the "Attention:" line, the "Re:" block and the salutation
//! ("Dear Ms. Hooker and Mr. Stertzel:").

use std::collections::BTreeMap;

use super::escape::clean;
use crate::letter::{Greeted, Letter};

/// The staff's address: the Commission, the Division, the office when the letter is
/// signed by one.
pub(super) fn address(letter: &Letter) -> Vec<String> {
    let mut lines = vec![
        "U.S. Securities and Exchange Commission".to_owned(),
        "Division of Corporation Finance".to_owned(),
    ];
    if let Some(office) = office(letter) {
        lines.push(office);
    }
    lines.push("100 F Street, N.E.".to_owned());
    lines.push("Washington, D.C. 20549".to_owned());
    lines
}

/// Whether the signatory is the Division itself (an unsigned office sign-off).
fn signed_by_division(letter: &Letter) -> bool {
    letter.signatory.name.as_deref().is_some_and(|n| {
        n.trim()
            .eq_ignore_ascii_case("Division of Corporation Finance")
    })
}

/// The office that signed the letter ("Office of Life Sciences"), if one did.
fn office(letter: &Letter) -> Option<String> {
    let title = clean(letter.signatory.title.as_deref())?;
    let is_office = title.to_ascii_lowercase().starts_with("office of");
    (signed_by_division(letter) || is_office).then_some(title)
}

/// "Attention: Leonard F. Ashby, Branch Chief" when a person signed the letter;
/// "Attention: Mindy Hooker and Kevin Stertzel" when the office signed and the letter
/// names staff to contact.
pub(super) fn attention(letter: &Letter) -> Option<String> {
    if signed_by_division(letter) {
        let names: Vec<String> = contact_names(letter);
        return (!names.is_empty()).then(|| format!("Attention: {}", joined(&names)));
    }
    let name = clean(letter.signatory.name.as_deref())?;
    match clean(letter.signatory.title.as_deref()) {
        Some(title) if office(letter).is_none() => Some(format!("Attention: {name}, {title}")),
        _ => Some(format!("Attention: {name}")),
    }
}

/// The "Re:" lines: the company, the subject lines as printed, the file number.
pub(super) fn re_lines(letter: &Letter, company: &str) -> Vec<String> {
    let mut lines = vec![company.to_owned()];
    lines.extend(letter.subject.lines.iter().filter_map(|l| clean(Some(l))));
    if lines.len() == 1
        && let Some(form) = clean(letter.subject.form.as_deref())
    {
        lines.push(format!("Form {form}"));
    }
    if let Some(number) = clean(letter.file_number.as_deref())
        && !lines.iter().skip(1).any(|l| l.contains(&number))
    {
        lines.push(format!("File No. {number}"));
    }
    lines
}

/// The names of the staff the letter says to contact, each once, in order.
fn contact_names(letter: &Letter) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in letter.contacts.iter().filter_map(|c| clean(Some(&c.name))) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// "A", "A and B", "A, B and C" (the form of the salutations on EDGAR).
fn joined(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The salutation: the person who signed the letter, or when the office signed it,
/// the staff it says to contact; each as "Ms. Hooker" when `honorifics` gives one for
/// the name, else in full; "Ladies and Gentlemen:" when the letter names nobody. Also
/// returns the names that had no honorific.
pub(super) fn salutation(
    letter: &Letter,
    honorifics: &BTreeMap<String, String>,
    greeted: &[Greeted],
) -> (String, Vec<String>) {
    let names: Vec<String> = if signed_by_division(letter) {
        contact_names(letter)
    } else {
        clean(letter.signatory.name.as_deref())
            .into_iter()
            .collect()
    };
    if names.is_empty() {
        return ("Ladies and Gentlemen:".to_owned(), Vec::new());
    }
    let mut unknown = Vec::new();
    let addressed: Vec<String> = names
        .iter()
        .map(
            |name| match honorific(honorifics, name).or_else(|| greeted_as(greeted, name)) {
                Some(title) => format!("{title} {}", surname(name)),
                None => {
                    unknown.push(name.clone());
                    name.clone()
                }
            },
        )
        .collect();
    (format!("Dear {}:", joined(&addressed)), unknown)
}

/// The honorific configured for `name` (names compared without regard to case or
/// spacing).
fn honorific(honorifics: &BTreeMap<String, String>, name: &str) -> Option<String> {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let wanted = key(name);
    honorifics
        .iter()
        .find(|(n, _)| key(n) == wanted)
        .and_then(|(_, title)| clean(Some(title)))
}

/// The honorific the latest of `greeted` gives the person `name` names: the same first
/// name and surname ("Sharon M. Blume" is "Sharon Blume"), in any case.
fn greeted_as(greeted: &[Greeted], name: &str) -> Option<String> {
    let person = |name: &str| {
        let first = name.split_whitespace().next().unwrap_or_default();
        (first.to_lowercase(), surname(name).to_lowercase())
    };
    let wanted = person(name);
    greeted
        .iter()
        .rev()
        .find(|g| person(&g.name) == wanted)
        .and_then(|g| clean(Some(&g.honorific)))
}

/// The surname of a name as printed: its last word, past a suffix ("Jr.", "III").
fn surname(name: &str) -> &str {
    let words: Vec<&str> = name.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let suffix = |w: &str| {
        matches!(
            w.trim_end_matches('.').to_ascii_lowercase().as_str(),
            "jr" | "sr" | "ii" | "iii" | "iv" | "esq" | "cpa"
        )
    };
    words
        .iter()
        .rev()
        .find(|w| !suffix(w))
        .copied()
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Contact, Person};

    #[test]
    fn office_signoff_goes_into_the_address() {
        let letter = signed_by("Division of Corporation Finance", "Office of Life Sciences");
        assert!(address(&letter).contains(&"Office of Life Sciences".to_owned()));
        assert_eq!(attention(&letter), None);
        let letter = signed_by("Leonard F. Ashby", "Branch Chief");
        assert_eq!(
            attention(&letter).as_deref(),
            Some("Attention: Leonard F. Ashby, Branch Chief")
        );
        assert_eq!(address(&letter).len(), 4);
    }

    fn signed_by(name: &str, title: &str) -> Letter {
        Letter {
            signatory: Person {
                name: Some(name.into()),
                title: Some(title.into()),
            },
            ..Letter::default()
        }
    }

    fn contact(name: &str) -> Contact {
        Contact {
            name: name.into(),
            ..Contact::default()
        }
    }

    #[test]
    fn the_latest_company_letter_greeting_the_person_gives_the_honorific() {
        let greeted = |name: &str, honorific: &str| Greeted {
            name: name.into(),
            honorific: honorific.into(),
        };
        let letter = signed_by("Sharon M. Blume", "Branch Chief");
        // Oldest first: the later letter's "Ms." counts; the middle initial aside.
        let known = [
            greeted("Sharon Blume", "Mrs."),
            greeted("Karl Blume", "Mr."),
            greeted("Sharon Blume", "Ms."),
        ];
        let (text, unknown) = salutation(&letter, &BTreeMap::new(), &known);
        assert_eq!(text, "Dear Ms. Blume:");
        assert!(unknown.is_empty());
        // Another person of the same surname is not her.
        let (text, unknown) = salutation(&letter, &BTreeMap::new(), &known[1..2]);
        assert_eq!(text, "Dear Sharon M. Blume:");
        assert_eq!(unknown, ["Sharon M. Blume"]);
    }

    #[test]
    fn salutation_from_the_contacts_with_honorifics() {
        let letter = Letter {
            contacts: vec![
                contact("Mindy Hooker"),
                contact("Kevin Stertzel"),
                contact("Mindy Hooker"),
            ],
            ..signed_by("Division of Corporation Finance", "Office of Manufacturing")
        };
        let honorifics: BTreeMap<String, String> = [
            ("mindy  hooker".to_owned(), "Ms.".to_owned()),
            ("Kevin Stertzel".to_owned(), "Mr.".to_owned()),
        ]
        .into();
        let (text, unknown) = salutation(&letter, &honorifics, &[]);
        assert_eq!(text, "Dear Ms. Hooker and Mr. Stertzel:");
        assert!(unknown.is_empty());
        let (text, unknown) = salutation(&letter, &BTreeMap::new(), &[]);
        assert_eq!(text, "Dear Mindy Hooker and Kevin Stertzel:");
        assert_eq!(unknown, ["Mindy Hooker", "Kevin Stertzel"]);
        assert_eq!(
            attention(&letter).as_deref(),
            Some("Attention: Mindy Hooker and Kevin Stertzel")
        );
    }

    #[test]
    fn salutation_to_the_signer_then_to_ladies_and_gentlemen() {
        let signed = Letter {
            contacts: vec![contact("Melissa Walsh")],
            ..signed_by("Leonard F. Ashby, Jr.", "Branch Chief")
        };
        let honorifics: BTreeMap<String, String> =
            [("Leonard F. Ashby, Jr.".to_owned(), "Mr.".to_owned())].into();
        assert_eq!(salutation(&signed, &honorifics, &[]).0, "Dear Mr. Ashby:");
        let nobody = Letter::default();
        assert_eq!(
            salutation(&nobody, &honorifics, &[]),
            ("Ladies and Gentlemen:".to_owned(), Vec::new())
        );
        let names = ["A".to_owned(), "B".to_owned(), "C".to_owned()];
        assert_eq!(joined(&names), "A, B and C");
    }
}
