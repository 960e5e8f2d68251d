//! The end of a letter: the signatory, staff contacts and the cc list.

use super::addressee::{joined_name, split_name_title};
use super::model::{Contact, Person};
use super::name_run::name_run;
use super::phrases::{after_by, ends_with_ignore_case, is_sign_off, signed_name, starts_with_any};
use regex::Regex;
use std::sync::LazyLock;

static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(?\b\d{3}\)?[\s.-]?\d{3}[.-]\d{4}\b").expect("phone regex"));
static CC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^cc\s*:\s*(.*)$").expect("cc regex"));
/// Who signed, who to call, and who is copied.
#[derive(Debug, Default)]
pub struct Closing {
    /// The signatory (or the unsigned office sign-off).
    pub signatory: Person,
    /// Staff contacts with their phone numbers.
    pub contacts: Vec<Contact>,
    /// The cc lines.
    pub cc: Vec<String>,
}

/// Read the closing lines (from the first closing paragraph to the end of the letter).
pub fn parse_closing(lines: &[&str]) -> Closing {
    let mut closing = Closing::default();
    let mut sign = lines.iter().position(|l| is_sign_off(l));
    if let Some(s) = sign {
        closing.signatory = signatory(&lines[s..]);
    } else if let Some((start, end)) = delegated_sign_off(lines) {
        sign = Some(start);
        closing.signatory = signatory(&lines[end + 1..]);
    } else if let Some(at) = office_sign_off(lines) {
        sign = Some(at);
        closing.signatory = office_signatory(&lines[at..]);
    }
    closing.cc = cc_lines(lines);
    let before_sign = &lines[..sign.unwrap_or(lines.len())];
    let prose = join_nonblank(before_sign);
    closing.contacts = contacts(&prose, &closing.signatory);
    closing
}

/// Lines at the end of a letter in which the office that signs it is looked for.
const OFFICE_LINES: usize = 4;

/// Where a staff letter with no complimentary close is signed by its office alone
/// ("Division of Corporation Finance" over "Office of Healthcare & Insurance", the
/// close and the name having been an image): the line naming the Division among the
/// letter's last [`OFFICE_LINES`] that are not blank.
fn office_sign_off(lines: &[&str]) -> Option<usize> {
    lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(OFFICE_LINES)
        .find(|(_, l)| names_the_division(l.trim()))
        .map(|(i, _)| i)
}

/// Whether `line` starts with the Division's name: the office that signs a staff
/// letter with no name.
fn names_the_division(line: &str) -> bool {
    starts_with_any(line, &["division of corporation finance"])
}

/// The office that signs a letter with no close ([`office_sign_off`]) among the last
/// of `lines`: for a letter whose closing paragraph no closing phrase opens ("We have
/// completed our review of your filing. We remind you…" over the office's lines).
pub(super) fn signed_by_office(lines: &[&str]) -> Option<Person> {
    office_sign_off(lines).map(|at| office_signatory(&lines[at..]))
}

/// The office that signs a letter with no close, from the Division's line (the first of
/// `lines`): the Division, and the office named on one of the next two lines, from its
/// "Office of" (a page's head may run into that line in a PDF's text: "June 16, 2017
/// Page 2 Office of Transportation and Leisure"), with its wrapped end; else the next
/// line ("Disclosure Review Program") when it holds no digit.
fn office_signatory(lines: &[&str]) -> Person {
    let rest: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect();
    let office = (1..rest.len().min(3))
        .find_map(|i| {
            let from = rest[i].find("Office of")?;
            let mut tail = vec![&rest[i][from..]];
            tail.extend(rest.get(i + 1));
            title_at(&tail, 0)
        })
        // Another office's name ("Disclosure Review Program"), not a page's residue.
        .or_else(|| {
            let next = rest.get(1)?;
            (!next.contains(|c: char| c.is_ascii_digit())).then(|| title_at(&rest, 1))?
        });
    Person {
        name: rest.first().map(|l| l.to_string()),
        title: office,
    }
}

/// Where an order's sign-off starts and ends (line indexes): "For the Commission, by the
/// Division of Corporation Finance, pursuant to delegated authority.", on one line or
/// wrapped over three at most, above the name and title of who signs it.
fn delegated_sign_off(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with("For the Commission"))?;
    let end = (start..lines.len().min(start + 3))
        .find(|&i| ends_with_ignore_case(lines[i].trim_end(), "authority."))?;
    Some((start, end))
}

/// The non-blank `lines` joined by spaces.
fn join_nonblank(lines: &[&str]) -> String {
    let mut prose = String::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        if !prose.is_empty() {
            prose.push(' ');
        }
        prose.push_str(line);
    }
    prose
}

fn signatory(lines: &[&str]) -> Person {
    let rest: Vec<&str> = lines
        .iter()
        .skip_while(|l| is_sign_off(l) && signed_name(l).is_none())
        .copied()
        // Blank lines, and the rule a signature stands on ("……", "______").
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .take_while(|l| !CC.is_match(l))
        .collect();
    // A company signs under its name ("BERKSHIRE HATHAWAY INC." over "/s/ Marc Hale"):
    // the signatory is who signs for it.
    let rest = match rest.iter().take(3).position(|l| signed_name(l).is_some()) {
        Some(at) => &rest[at..],
        None => &rest[..],
    };
    let Some(first) = rest.first() else {
        return Person::default();
    };
    if let Some(signed) = signed_name(first) {
        let signed = signed.trim();
        if signs_for_another(signed, &rest[1..]) {
            return typed_signatory(&rest[1..]);
        }
        let (mut name, inline_title) = split_name_title(signed);
        // The typed name usually repeats below the signature (in the case it is typed
        // in, after a form's label), sometimes with a title.
        let mut at = 1;
        if let Some(typed) = rest.get(1).map(|l| typed_name(l))
            && starts_with_name(typed, &name)
        {
            // The typed name as typed: in its case, with its suffix ("Jr.", "Esq.").
            let (typed_name, title) = split_name_title(typed);
            name = typed_name;
            if let Some(title) = title.or(inline_title.clone()) {
                return Person {
                    name: Some(name),
                    title: Some(title),
                };
            }
            at = 2;
        }
        let title = inline_title
            .or_else(|| title_at(rest, at).map(|t| t.trim_end_matches('/').trim().to_string()));
        return Person {
            name: Some(name),
            title,
        };
    }
    typed_signatory(rest)
}

/// Whether the "/s/" line `signed` signs on behalf of the person typed in the lines
/// `below` it, who is then the signatory: it says so ("/s/ Robert S. Littlepage, for"),
/// or the line below names another person, over a title ("/s/ Kate Tillan" over
/// "Martin James" over "Senior Assistant Chief Accountant").
fn signs_for_another(signed: &str, below: &[&str]) -> bool {
    let says_so = signed.ends_with(" for") || signed.ends_with(",for");
    let (name, _) = split_name_title(signed);
    let another = match below {
        [typed, title, ..] => {
            let typed = typed_name(typed);
            !starts_with_name(typed, &name) && !names_a_title(typed) && names_a_title(title)
        }
        _ => false,
    };
    (says_so && !below.is_empty()) || another
}

/// Words of the staff's titles: a line that holds one is a title, not a name.
const TITLE_WORDS: &[&str] = &[
    "accountant",
    "adviser",
    "advisor",
    "analyst",
    "assistant",
    "associate",
    "attorney",
    "branch",
    "chief",
    "counsel",
    "deputy",
    "director",
    "division",
    "examiner",
    "office",
    "senior",
    "special",
    "staff",
];

/// Whether `line` names a title of the staff ([`TITLE_WORDS`]).
fn names_a_title(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic())
        .any(|w| TITLE_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t)))
}

/// The signatory of a signature block with no "/s/" line (or of the lines below one
/// that signs for someone else): the office that signed, or a name, each with its
/// title.
fn typed_signatory(rest: &[&str]) -> Person {
    let Some(first) = rest.first() else {
        return Person::default();
    };
    if names_the_division(first) {
        return Person {
            name: Some(first.to_string()),
            title: title_at(rest, 1),
        };
    }
    // A form's labels: "Name: Stephen Bramlage, Jr." over "Title: Chief Financial Officer".
    let (name, title) = split_name_title(typed_name(first));
    Person {
        name: Some(name),
        title: title.or_else(|| title_at(rest, 1)),
    }
}

/// The title on line `at` of the signature block, with the next line when the title
/// runs on to it: an office's name wrapped after a word that joins ("Office of
/// Industrial Applications and" over "Services").
fn title_at(lines: &[&str], at: usize) -> Option<String> {
    let title = without_label(lines.get(at)?.trim(), "Title:");
    // An enclosure's notation below the name is no title, nor is a page number.
    if title.starts_with("Enclosure")
        || title.starts_with("Attachment")
        || title.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let joins = [" and", " &", " of", " for", ","]
        .iter()
        .any(|end| title.ends_with(end))
        || unfinished(title);
    match lines.get(at + 1).map(|l| l.trim()) {
        Some(next) if joins && is_title(next) => Some(format!("{title} {next}")),
        _ => Some(title.to_string()),
    }
}

/// Words a title does not end with: "Chief Financial" over "Officer".
const UNFINISHED: &[&str] = &["Financial", "Accounting", "Operating", "Executive", "Vice"];

/// Whether `title` stops before its end ([`UNFINISHED`]), or with "Chief" after a comma
/// or "and" ("Senior Vice President, Chief" over "Accounting Officer"). "Branch Chief"
/// and "Chief" alone (over "Office of Global Security Risk") are whole titles.
fn unfinished(title: &str) -> bool {
    let mut words = title.rsplit(' ');
    let last = words.next().unwrap_or_default();
    let before = words.next().unwrap_or_default();
    UNFINISHED.contains(&last)
        || (last == "Chief" && (before.ends_with(',') || matches!(before, "and" | "&")))
}

/// `line` after a form's `label` ("Name:", "Title:"), else `line`.
fn without_label<'l>(line: &'l str, label: &str) -> &'l str {
    line.strip_prefix(label).map_or(line, str::trim)
}

/// The name typed on `line` under a signature: after a form's "Name:" label, or the
/// "By" a company's block puts before it ("By Marc Hale").
fn typed_name(line: &str) -> &str {
    after_by(without_label(line, "Name:")).trim_end()
}

/// Whether `typed` starts with `name`, in any case ("WENDY A. ROSS" signed over
/// "Wendy A. Ross").
fn starts_with_name(typed: &str, name: &str) -> bool {
    typed
        .get(..name.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(name))
}

fn cc_lines(lines: &[&str]) -> Vec<String> {
    let Some(at) = lines.iter().position(|l| CC.is_match(l)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(c) = CC.captures(lines[at]) {
        let first = c[1].trim();
        if !first.is_empty() && !first.to_ascii_lowercase().starts_with("via e") {
            out.push(first.to_string());
        }
    }
    let mut started = !out.is_empty();
    for line in &lines[at + 1..] {
        if line.is_empty() {
            if started {
                break;
            }
            continue;
        }
        started = true;
        out.push(line.to_string());
    }
    out
}

fn contacts(prose: &str, signatory: &Person) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    let mut from = 0;
    for m in PHONE.find_iter(prose) {
        let segment = prose[from..m.start()].trim_end();
        from = m.end();
        let segment = segment
            .strip_suffix(" at")
            .or_else(|| segment.strip_suffix(" on"))
            .unwrap_or(segment);
        let segment = segment.trim_end().trim_end_matches(',').trim_end();
        let phone = Some(m.as_str().to_string());
        // (No lowercase copy: the segment runs from the phone number before.)
        if ends_with_ignore_case(segment, " me")
            || ends_with_ignore_case(segment, "the undersigned")
        {
            if let Some(name) = &signatory.name {
                out.push(Contact {
                    name: name.clone(),
                    title: signatory.title.clone(),
                    phone,
                });
            }
            continue;
        }
        let (who, title) = match segment.rsplit_once(", ") {
            Some((who, title)) if is_title(title) && name_run(who).is_some() => {
                (who, Some(title.to_string()))
            }
            _ => match segment.rsplit_once(", ") {
                // "Mark Rakip, Staff Accountant" without a comma before "at".
                Some((who, title)) if is_title(title) => (who, Some(title.to_string())),
                _ => (segment, None),
            },
        };
        let Some(run) = name_run(who) else {
            continue;
        };
        let name = joined_name(&strip_leading_verbs(run));
        if name.split_whitespace().count() < 2 {
            continue;
        }
        if !out.iter().any(|x| x.name == name) {
            out.push(Contact { name, title, phone });
        }
    }
    out
}

fn is_title(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase()) || matches!(*w, "of" | "and" | "&")
        })
}

/// "If Jane Doe" → "Jane Doe": drop capitalised sentence words caught at the front.
fn strip_leading_verbs(s: &str) -> String {
    let skip = ["If", "You", "Please", "Contact", "Or", "And", "The", "Call"];
    let words: Vec<&str> = s
        .split_whitespace()
        .skip_while(|w| skip.contains(w))
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn a_letter_signed_by_its_office_alone() {
        let c = parse_closing(&lines(
            "Please contact Ann Lee at (202) 551-3728 with any questions.\n\nDivision of Corporation Finance\nOffice of Manufacturing and\nConstruction",
        ));
        assert_eq!(
            c.signatory.name.as_deref(),
            Some("Division of Corporation Finance")
        );
        assert_eq!(
            c.signatory.title.as_deref(),
            Some("Office of Manufacturing and Construction")
        );
        assert_eq!(c.contacts.len(), 1);
        // The Division named in the last paragraph's text is no signature.
        let c = parse_closing(&lines(
            "Please contact Ann Lee with any questions.\nDivision of Corporation Finance staff\nwill review it.\n\nAnn Lee\nBranch Chief\nOffice of Trade\nServices\nWashington",
        ));
        assert_eq!(c.signatory.name, None);
    }

    #[test]
    fn signed_letter() {
        let c = parse_closing(&lines(
            "You may contact Jane Roe, Staff Accountant, at (202) 551-3224 if you have questions. Please contact John Doe, Staff Attorney, at (202) 551-3447 or Max Moe at 202-551-3456. If you require further assistance, contact me at (202) 551-3226.\n\nSincerely,\n\n/s/ Ann Lee\n\nAnn Lee\nBranch Chief\n\ncc: Via E-mail\nBo Gee, Esq.\nGee LLP",
        ));
        assert_eq!(c.signatory.name.as_deref(), Some("Ann Lee"));
        assert_eq!(c.signatory.title.as_deref(), Some("Branch Chief"));
        let names: Vec<&str> = c.contacts.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe", "John Doe", "Max Moe", "Ann Lee"]);
        assert_eq!(c.contacts[0].title.as_deref(), Some("Staff Accountant"));
        assert_eq!(c.contacts[2].phone.as_deref(), Some("202-551-3456"));
        assert_eq!(c.cc, ["Bo Gee, Esq.", "Gee LLP"]);
    }

    #[test]
    fn unsigned_office_sign_off() {
        let c = parse_closing(&lines(
            "Sincerely,\nDivision of Corporation Finance\nOffice of Manufacturing\ncc: Amy Poe",
        ));
        assert_eq!(
            c.signatory.name.as_deref(),
            Some("Division of Corporation Finance")
        );
        assert_eq!(
            c.signatory.title.as_deref(),
            Some("Office of Manufacturing")
        );
        assert_eq!(c.cc, ["Amy Poe"]);
    }

    #[test]
    fn a_page_number_under_the_name_is_no_title() {
        let c = parse_closing(&lines("Very truly yours,\n/s/ Jin Baek\nJin Baek\n4")).signatory;
        assert_eq!((c.name.as_deref(), c.title), (Some("Jin Baek"), None));
    }

    /// Signature blocks and the signatory read from each.
    #[test]
    fn signatories_and_their_titles() {
        let office = "Division of Corporation Finance";
        let cases = [
            // An office's name wrapped after a joining word is one title.
            (
                "Sincerely,\n\nDivision of Corporation Finance\nOffice of Industrial \
                 Applications and\nServices",
                office,
                "Office of Industrial Applications and Services",
            ),
            // A title with no joining word at its end is not run on into the next line.
            (
                "Sincerely,\nDivision of Corporation Finance\nOffice of Manufacturing\nServices",
                office,
                "Office of Manufacturing",
            ),
            // A signature "for" someone: the signatory is the person typed below it.
            (
                "Sincerely,\n\n/s/ Robert Lane, for\n\nLarry Hill\nAssistant Director\nOffice 11",
                "Larry Hill",
                "Assistant Director",
            ),
            // Signed for the person typed below, with no "for".
            (
                "Sincerely,\n\n/s/ Kate Lane\n\nMark Jones\nSenior Assistant Chief \
                 Accountant\nOffice of Electronics",
                "Mark Jones",
                "Senior Assistant Chief Accountant",
            ),
            (
                "Sincerely,\n/s/ Lauren P. Nguyen for\nKarl Hill\nBranch Chief",
                "Karl Hill",
                "Branch Chief",
            ),
            // A form's labels, and a suffix of the name after its comma.
            (
                "Very truly yours,\n/s/ Stephen Bramlage, Jr.\nName: Stephen Bramlage, Jr.\n\
                 Title: Chief Financial Officer",
                "Stephen Bramlage, Jr.",
                "Chief Financial Officer",
            ),
            // The mark in capitals; the name typed again below it.
            (
                "Sincerely,\n/S/ James E. Moylan, Jr.\nJames E. Moylan, Jr.\nSenior Vice President",
                "James E. Moylan, Jr.",
                "Senior Vice President",
            ),
            // Signed by the person typed below: the title follows.
            (
                "Sincerely,\n/s/ Ann Lee\nBranch Chief\nOffice of Finance",
                "Ann Lee",
                "Branch Chief",
            ),
            // The name and title on the signature line.
            (
                "Sincerely,\n/s/ Cia Bly\nCia Bly, Chief\nOffice of Risk",
                "Cia Bly",
                "Chief",
            ),
            // A title wrapped before its last words; "By" before the typed name; the
            // rule of dots a signature stands on.
            (
                "Sincerely,\nNORTHWIND TRADERS, INC.\n/s/ Marc Hale\n………………\nBy Marc Hale\n\
                 Senior Vice President, Chief\nAccounting Officer",
                "Marc Hale",
                "Senior Vice President, Chief Accounting Officer",
            ),
            // "Chief" alone is a whole title, not run on into the office below it.
            (
                "Sincerely,\n/s/ Cia Bly\nCia Bly\nChief\nOffice of Global Security Risk",
                "Cia Bly",
                "Chief",
            ),
            (
                "Sincerely,\n/s/ Ann Lee\nAnn Lee\nVice President and Chief Financial\nOfficer",
                "Ann Lee",
                "Vice President and Chief Financial Officer",
            ),
            // A company's block: its name, "By: /s/", the name typed in after a label.
            (
                "Sincerely,\nNORTHWIND TRADERS, INC.\nBy: /s/ WENDY A. ROSS\nName: Wendy A. \
                 Ross\nTitle: Corporate Secretary",
                "Wendy A. Ross",
                "Corporate Secretary",
            ),
            (
                "Very truly yours,\nKITTIWAKE MARINE\nHOLDINGS, INC.\n/s/ Lee Park\nLee Park, \
                 Esq.\nChief Financial Officer",
                "Lee Park, Esq.",
                "Chief Financial Officer",
            ),
        ];
        for (text, name, title) in cases {
            let c = parse_closing(&lines(text)).signatory;
            let read = (c.name.as_deref(), c.title.as_deref());
            assert_eq!(read, (Some(name), Some(title)), "{text}");
        }
    }
}
