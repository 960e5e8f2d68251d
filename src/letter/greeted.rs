//! Whom a company's letter to the staff greets, and by which honorific: "Dear Ms.
//! Donahue and Mr. Ostrow:" under "Attention: Erin Donahue and Karl Ostrow" says that
//! Erin Donahue is "Ms." and Karl Ostrow "Mr.". The responses letterdesk writes greet the
//! staff as the company's earlier letters did (see `review::greeted_in`).

use serde::{Deserialize, Serialize};

/// A person a letter greets with an honorific, by the full name its header gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Greeted {
    /// The full name, as the header writes it ("Erin Donahue").
    pub name: String,
    /// The honorific, for one person ("Ms.").
    pub honorific: String,
}

/// Honorifics as salutations write them (without their full stop), each with the one
/// for one person: "Messrs. Henderson and Windsor" greets two men.
const HONORIFICS: &[(&str, &str, bool)] = &[
    ("Mr", "Mr.", false),
    ("Ms", "Ms.", false),
    ("Mrs", "Mrs.", false),
    ("Miss", "Miss", false),
    ("Dr", "Dr.", false),
    ("Messrs", "Mr.", true),
    ("Mses", "Ms.", true),
    ("Mss", "Ms.", true),
    ("Mmes", "Ms.", true),
    ("Drs", "Dr.", true),
];

/// The honorific `word` is (for one person) and whether it greets several.
fn honorific(word: &str) -> Option<(&'static str, bool)> {
    let bare = word.trim_end_matches([',', '.']);
    HONORIFICS
        .iter()
        .find(|(h, _, _)| h.eq_ignore_ascii_case(bare))
        .map(|&(_, one, several)| (one, several))
}

/// Whether `word` can be part of a person's name: a capitalised word ("Donahue",
/// "O'Brien", "Smith-Jones") or an initial ("M.").
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        && honorific(word).is_none()
}

/// The people `salutation` greets with an honorific, each by the full name the lines
/// of the letter's `header` give for its surname ("Erin Donahue" for "Ms. Donahue");
/// a surname the header does not name in full is left out (its first name is not
/// known), and so is a name the salutation gives without an honorific.
pub(super) fn greeted(header: &[&str], salutation: &str) -> Vec<Greeted> {
    let Some(rest) = salutation
        .trim()
        .get(..5)
        .filter(|d| d.eq_ignore_ascii_case("dear "))
    else {
        return Vec::new();
    };
    let rest = &salutation.trim()[rest.len()..];
    let rest = rest.trim_end_matches([':', ',', ';', '.', ' ']);
    let mut found = Vec::new();
    let mut current: Option<(&str, bool)> = None;
    let mut name: Vec<&str> = Vec::new();
    let mut finish = |name: &mut Vec<&str>, current: Option<(&str, bool)>| {
        if let (Some((title, _)), Some(_)) = (current, name.last()) {
            let full = if name.len() > 1 {
                Some(name.join(" "))
            } else {
                full_name(header, name[0])
            };
            if let Some(full) = full {
                found.push(Greeted {
                    name: full,
                    honorific: title.to_owned(),
                });
            }
        }
        name.clear();
    };
    for word in rest.split_whitespace() {
        if let Some(title) = honorific(word) {
            finish(&mut name, current);
            current = Some(title);
            continue;
        }
        let separator = matches!(word, "and" | "&");
        let bare = word.trim_end_matches(',');
        if !separator && name_word(bare) {
            name.push(bare.trim_end_matches('.').trim_end_matches(['\'', '’']));
            if bare.len() == word.len() {
                continue;
            }
        }
        // A comma, "and" or "&" ends a name; a plural honorific goes on to the next.
        finish(&mut name, current);
        current = current.filter(|(_, several)| *several);
    }
    finish(&mut name, current);
    found
}

/// The full name ending with `surname` in `header`'s lines: the name words before it
/// ("Erin Donahue" of "Attention: Erin Donahue and Karl Ostrow"), at least one.
fn full_name(header: &[&str], surname: &str) -> Option<String> {
    header.iter().find_map(|line| {
        // Words as written: one ending with a comma or colon ends a name before it
        // ("Attention:", "Donahue,").
        let words: Vec<&str> = line.split_whitespace().collect();
        words.iter().enumerate().find_map(|(at, word)| {
            if word.trim_end_matches([',', ';', ':']) != surname || at == 0 {
                return None;
            }
            let first = words[..at]
                .iter()
                .rposition(|w| !name_word(w))
                .map_or(0, |p| p + 1);
            // The first word of a name is a name, not an initial.
            let first =
                (first..at).find(|&i| words[i].trim_end_matches('.').chars().count() > 1)?;
            let name: Vec<&str> = words[first..at].to_vec();
            Some(format!("{} {surname}", name.join(" ")))
        })
    })
}

/// The people `letters` greet, each letter given as its date (ISO, empty when it has
/// none) and whom it greets: the oldest letter first (letters of one date in the order
/// given), so that a later letter's honorific for a person counts over an earlier's.
pub fn oldest_first(letters: impl IntoIterator<Item = (String, Vec<Greeted>)>) -> Vec<Greeted> {
    let mut letters: Vec<(String, Vec<Greeted>)> = letters.into_iter().collect();
    letters.sort_by(|a, b| a.0.cmp(&b.0));
    letters.into_iter().flat_map(|(_, people)| people).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(found: &[Greeted]) -> Vec<(&str, &str)> {
        found
            .iter()
            .map(|g| (g.name.as_str(), g.honorific.as_str()))
            .collect()
    }

    #[test]
    fn each_surname_greeted_is_named_in_full_by_the_header() {
        let header = [
            "Division of Corporation Finance",
            "Attention: Erin Donahue and Karl M. Ostrow",
        ];
        let found = greeted(&header, "Dear Ms. Donahue and Mr. Ostrow:");
        assert_eq!(
            pairs(&found),
            [("Erin Donahue", "Ms."), ("Karl M. Ostrow", "Mr.")]
        );
    }

    #[test]
    fn a_plural_honorific_greets_each_name_after_it() {
        let header = [
            "Ms. Priya Lindqvist",
            "Ms. Dana Whitcombe",
            "Mr. Tobias Renner, Office of Trade & Services",
        ];
        let found = greeted(
            &header,
            "Dear Mses. Lindqvist and Whitcombe and Mr. Renner:",
        );
        assert_eq!(
            pairs(&found),
            [
                ("Priya Lindqvist", "Ms."),
                ("Dana Whitcombe", "Ms."),
                ("Tobias Renner", "Mr.")
            ]
        );
    }

    #[test]
    fn names_without_an_honorific_or_a_first_name_are_left_out() {
        let header = ["Attention: Erin Donahue"];
        // "Ostrow" is not in the header; "Karl Ostrow" has no honorific.
        assert_eq!(
            pairs(&greeted(&header, "Dear Ms. Donahue, Mr. Ostrow:")),
            [("Erin Donahue", "Ms.")]
        );
        assert!(greeted(&header, "Dear Erin Donahue:").is_empty());
        assert!(greeted(&header, "Ladies and Gentlemen:").is_empty());
        // A full name in the salutation needs no header.
        assert_eq!(
            pairs(&greeted(&[], "Dear Mr. Karl Ostrow:")),
            [("Karl Ostrow", "Mr.")]
        );
    }

    use proptest::prelude::*;

    proptest! {
        /// On any header and salutation made of names, honorifics, initials and
        /// separators: no panic, and every person found is named by the header or the
        /// salutation, with an honorific of the table.
        #[test]
        fn greets_only_people_the_letter_names(
            header in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec!["Attention:", "Ms.", "Erin", "M.", "Donahue", "Donahue,", "and", "Karl", "Ostrow", "Ostrow;", "Office", "’", "Ö"]),
                    0..8,
                ).prop_map(|w| w.join(" ")),
                0..5,
            ),
            salutation in proptest::collection::vec(
                proptest::sample::select(vec!["Ms.", "Mr.", "Messrs.", "Mses", "Donahue", "Donahue,", "Ostrow", "Karl", "and", "&", ",", "M.", "Dr"]),
                0..8,
            ).prop_map(|w| format!("Dear {}:", w.join(" "))),
        ) {
            let lines: Vec<&str> = header.iter().map(String::as_str).collect();
            for found in greeted(&lines, &salutation) {
                let named = |text: &str| text.contains(found.name.split(' ').next_back().unwrap_or_default());
                prop_assert!(named(&salutation), "{found:?}");
                prop_assert!(
                    HONORIFICS.iter().any(|(_, one, _)| *one == found.honorific),
                    "{found:?}"
                );
                prop_assert!(found.name.contains(' '), "{found:?}");
            }
        }
    }
}
