//! What the letters around a staff letter tell the response written to it: the
//! company's name as its own letters write it, and how the companies' letters greet the
//! staff (those of the letter's folder, then those the precedent index holds), read
//! only when the letter leaves something to them.

use std::path::Path;

use super::settings::ExportSettings;
use super::{addressees, document};
use crate::letter::{Greeted, Letter};
use crate::review::Standing;

/// Whether the company's letters in the folder of `letter` can name the company better
/// than it does: it gives the name in capitals only ("LENNAR CORP").
pub fn names_company_in_capitals(letter: &Letter) -> bool {
    letter.company.as_deref().is_some_and(document::in_capitals)
}

/// The staff the response to `letter` would greet by full name, for want of an
/// honorific: neither configured nor given by the companies' letters in its folder
/// ([`ExportSettings::greeted`]). The caller reads the folder only when there are some.
pub fn without_honorific(letter: &Letter, settings: &ExportSettings) -> Vec<String> {
    addressees::salutation(letter, &settings.honorifics, &settings.greeted).1
}

/// Greet the staff of `letter` as `folder` does (the honorifics the companies' letters
/// in its folder give, oldest letter first), then, for a name still without one, as
/// `indexed()` does (those of the letters the precedent index holds, read only then),
/// the folder's counting over the index's ([`ExportSettings::greeted`]).
pub fn greet_as_known(
    letter: &Letter,
    settings: &mut ExportSettings,
    folder: Vec<Greeted>,
    indexed: impl FnOnce() -> Vec<Greeted>,
) {
    settings.greeted = folder;
    if !without_honorific(letter, settings).is_empty() {
        settings.greeted.splice(0..0, indexed());
    }
}

/// Name the company and greet the staff of `letter`, the letter at `path`, as the
/// letters of its folder do, then the letters the precedent index holds
/// ([`greet_as_known`]), when it leaves either to them ([`names_company_in_capitals`],
/// [`without_honorific`]) or `anyway`; returns what the folder says of the answer the
/// letter awaits (its review's standing), when it was read and found the letter.
pub fn learn_from_letters(
    letter: &Letter,
    path: &Path,
    settings: &mut ExportSettings,
    anyway: bool,
) -> Option<Standing> {
    if !anyway
        && !names_company_in_capitals(letter)
        && without_honorific(letter, settings).is_empty()
    {
        return None;
    }
    let known = crate::review::known_for(path);
    settings.company = known.company;
    greet_as_known(
        letter,
        settings,
        known.greeted,
        crate::precedent::greeted_indexed,
    );
    known.standing
}
