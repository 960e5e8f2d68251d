//! Export settings: who signs the response, who is copied, how comments are restated.
//! Read from the `[export]` table of the user's config file; every key is optional.
//!
//! ```toml
//! [export]
//! signer_name = "Jane Q. Doe"
//! signer_title = "Chief Financial Officer"
//! signer_contact = "(555) 010-0100 or jane.doe@example.com"
//! cc = ["John Roe, Esq., Roe & Partners LLP"]
//! restatement = "bold"        # or "italic"
//! response_label = "Response"
//! firm = "Roe & Partners LLP"  # the document's author when no signer is set
//! letterhead = ["Roe & Partners LLP", "1 Harbor Plaza, Boston, MA 02110"]
//! paper = "letter"             # or "a4"
//! margin_inches = 1
//! font = "Times New Roman"
//! font_size = 12
//! honorifics = { "Mindy Hooker" = "Ms.", "Kevin Stertzel" = "Mr." }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use super::asked::Asked;
use crate::letter::Greeted;

/// How the staff's comments are set off from the responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Restatement {
    /// Comments restated in bold (the usual form).
    #[default]
    Bold,
    /// Comments restated in italics.
    Italic,
}

impl Restatement {
    /// The words used in the opening paragraph: "bold" or "italics".
    pub fn words(self) -> &'static str {
        match self {
            Restatement::Bold => "bold",
            Restatement::Italic => "italics",
        }
    }
}

/// The paper a Word document is laid out on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// US Letter, 8.5 × 11 in (what the SEC's filers use).
    #[default]
    Letter,
    /// A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in twips (twentieths of a point).
    pub fn twips(self) -> (u32, u32) {
        match self {
            Paper::Letter => (12240, 15840),
            Paper::A4 => (11906, 16838),
        }
    }
}

/// A length in twips, read from the config file as a number of inches (`1`, `1.25`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inches(pub u32);

impl<'de> Deserialize<'de> for Inches {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scaled(d, 0.0..=4.0, 1440.0, |inches| {
            format!("margin of {inches} in (expected 0 to 4 inches)")
        })
        .map(Inches)
    }
}

/// A font size in half-points, read from the config file in points (`12`, `11.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfPoints(pub u32);

impl<'de> Deserialize<'de> for HalfPoints {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scaled(d, 6.0..=72.0, 2.0, |points| {
            format!("font size of {points} pt (expected 6 to 72)")
        })
        .map(HalfPoints)
    }
}

/// A number read from the config file, refused with `outside(value)` unless it lies in
/// `range`, then multiplied by `scale` and rounded (inches to twips, points to
/// half-points).
fn scaled<'de, D: Deserializer<'de>>(
    d: D,
    range: std::ops::RangeInclusive<f64>,
    scale: f64,
    outside: impl FnOnce(f64) -> String,
) -> Result<u32, D::Error> {
    let value = f64::deserialize(d)?;
    if !range.contains(&value) {
        return Err(serde::de::Error::custom(outside(value)));
    }
    Ok((value * scale).round() as u32)
}

/// What an export needs beyond the letter and its drafts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportSettings {
    /// Who signs the response, e.g. "Jane Q. Doe". `None` leaves a `[Name]` placeholder.
    pub signer_name: Option<String>,
    /// The signer's title, e.g. "Chief Financial Officer". `None` leaves `[Title]`.
    pub signer_title: Option<String>,
    /// How to reach the signer, put after their name in the closing paragraph, e.g.
    /// "(555) 010-0100 or jane.doe@example.com".
    pub signer_contact: Option<String>,
    /// The "cc:" list (counsel, auditors), one entry per line.
    pub cc: Vec<String>,
    /// Bold or italic restatement of the staff's comments.
    pub restatement: Restatement,
    /// The label above each response, without its colon: "Response".
    pub response_label: String,
    /// The firm (or company) the letter comes from: the Word document's author when no
    /// signer is set.
    pub firm: Option<String>,
    /// Lines printed centered at the top of the first page (a letterhead).
    pub letterhead: Vec<String>,
    /// The paper of the Word document.
    pub paper: Paper,
    /// The Word document's margins, all four (config key `margin_inches`).
    #[serde(rename = "margin_inches")]
    pub margin: Inches,
    /// The Word document's font.
    pub font: String,
    /// The Word document's font size (config key `font_size`, in points).
    #[serde(rename = "font_size")]
    pub font_size: HalfPoints,
    /// How to address staff members in the salutation, by name as the letter prints
    /// it: `"Mindy Hooker" = "Ms."` makes "Dear Ms. Hooker". A name without an entry
    /// is written in full ("Dear Mindy Hooker").
    pub honorifics: BTreeMap<String, String>,
    /// The company's name as its own letters in the letter's review write it, used
    /// where the staff's letter gives it in capitals only (EDGAR's "LENNAR CORP", in
    /// the staff's letters since 2019). Not read from the config file: the caller,
    /// which knows the folder, sets it.
    #[serde(skip)]
    pub company: Option<String>,
    /// The staff the companies' letters greet with an honorific ("Dear Ms. Donahue:"
    /// under "Attention: Erin Donahue"), those the precedent index holds, then those of
    /// the letter's folder, each oldest first ([`greet_as_known`](super::greet_as_known)):
    /// a name [`honorifics`](Self::honorifics) does not give is greeted as the last of
    /// them did (the same first name and surname; middle initials aside). Not read from
    /// the config file: the caller, which knows the folder, sets it.
    #[serde(skip)]
    pub greeted: Vec<Greeted>,
    /// The date printed at the top of the response, as it should read
    /// ("December 1, 2014"). Not read from the config file: the caller sets it (the
    /// CLI puts today's date); `None` leaves a `[Date]` placeholder.
    #[serde(skip)]
    pub date: Option<String>,
    /// When the export is made: the Word document's created and modified times. Not
    /// read from the config file: the caller sets it; `None` leaves them out.
    #[serde(skip)]
    pub now: Option<DateTime<Utc>>,
    /// The date (ISO) the company said, in a request for more time filed after the
    /// letter in its review, the response would come by: the deadline now, in place
    /// of the letter's own. Not read from the config file: the caller, which knows the
    /// letter's review, sets it.
    #[serde(skip)]
    pub extended: Option<String>,
    /// A reply to the letter (a response, or the staff's closing letter) is filed in its
    /// review: it awaits nothing, and no deadline is warned of. Not read from the
    /// config file: the caller sets it.
    #[serde(skip)]
    pub replied: bool,
    /// What the letter asks besides its numbered comments, found in its text by
    /// [`Asked::in_text`]. Not read from the config file: the caller sets it.
    #[serde(skip)]
    pub asked: Asked,
    /// The public version: responses marked confidential (Rule 83) are left out and
    /// marked "[Redacted pursuant to Rule 83]". Not read from the config file.
    #[serde(skip)]
    pub public: bool,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            signer_name: None,
            signer_title: None,
            signer_contact: None,
            cc: Vec::new(),
            restatement: Restatement::Bold,
            response_label: "Response".to_owned(),
            firm: None,
            letterhead: Vec::new(),
            paper: Paper::Letter,
            margin: Inches(1440),
            font: "Times New Roman".to_owned(),
            font_size: HalfPoints(24),
            honorifics: BTreeMap::new(),
            company: None,
            greeted: Vec::new(),
            date: None,
            now: None,
            extended: None,
            replied: false,
            asked: Asked::default(),
            public: false,
        }
    }
}

/// The parts of a config file an export reads: only `[export]`; every other table is
/// someone else's business and is ignored.
#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    export: ExportSettings,
}

impl ExportSettings {
    /// Reads the `[export]` table of the config file at `path`, ignoring every other
    /// table. A file that does not exist, or has no `[export]` table, gives the
    /// defaults. The error names the file and line: `config.toml:4: unknown field ...`.
    pub fn from_config_file(path: &Path) -> Result<ExportSettings, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_config_text(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ExportSettings::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Reads the `[export]` table from the text of a config file; `file` is only used
    /// in the error message.
    pub fn from_config_text(text: &str, file: &Path) -> Result<ExportSettings, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let config: ConfigFile = toml::from_str(text).map_err(|e| {
            let place = match e.span() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    format!("{}:{line}", file.display())
                }
                None => file.display().to_string(),
            };
            format!("{place}: {}", e.message().trim())
        })?;
        Ok(config.export)
    }

    /// The response label as printed, with its colon: "Response:". An empty label
    /// gives an empty string (no label line).
    pub fn label(&self) -> String {
        let label = self.response_label.trim().trim_end_matches(':').trim_end();
        if label.is_empty() {
            String::new()
        } else {
            format!("{label}:")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ExportSettings, String> {
        ExportSettings::from_config_text(text, Path::new("config.toml"))
    }

    #[test]
    fn defaults_when_no_export_table() {
        let settings = read("[colors]\nfocus = \"red\"\n[keymap]\nx = 1\n").unwrap();
        assert_eq!(settings, ExportSettings::default());
        assert_eq!(settings.label(), "Response:");
        assert_eq!(settings.restatement, Restatement::Bold);
    }

    #[test]
    fn reads_every_key() {
        let text = "[marks]\nopen = \"o\"\n\n[export]\nsigner_name = \"Jane Doe\"\nsigner_title = \"CFO\"\nsigner_contact = \"(555) 010-0100\"\ncc = [\"A\", \"B\"]\nrestatement = \"italic\"\nresponse_label = \"Company Response:\"\n";
        let settings = read(text).unwrap();
        assert_eq!(settings.signer_name.as_deref(), Some("Jane Doe"));
        assert_eq!(settings.signer_title.as_deref(), Some("CFO"));
        assert_eq!(settings.signer_contact.as_deref(), Some("(555) 010-0100"));
        assert_eq!(settings.cc, ["A", "B"]);
        assert_eq!(settings.restatement, Restatement::Italic);
        assert_eq!(settings.label(), "Company Response:");
        assert_eq!(settings.date, None);
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = read("[colors]\nfocus = \"red\"\n\n[export]\nrestatement = \"underline\"\n")
            .unwrap_err();
        assert!(err.starts_with("config.toml:5: "), "{err}");
        let err = read("[export]\nsigner = \"x\"\n").unwrap_err();
        assert!(
            err.starts_with("config.toml:2: ") && err.contains("signer"),
            "{err}"
        );
        let err = read("[export]\ndate = \"today\"\n").unwrap_err();
        assert!(err.contains("date"), "the date is not a config key: {err}");
    }

    #[test]
    fn reads_the_page_and_the_letterhead() {
        let text = "[export]\nfirm = \"Roe LLP\"\nletterhead = [\"Roe LLP\", \"Boston\"]\npaper = \"a4\"\nmargin_inches = 1.25\nfont = \"Garamond\"\nfont_size = 11.5\nhonorifics = { \"Mindy Hooker\" = \"Ms.\" }\n";
        let settings = read(text).unwrap();
        assert_eq!(settings.firm.as_deref(), Some("Roe LLP"));
        assert_eq!(settings.letterhead, ["Roe LLP", "Boston"]);
        assert_eq!(settings.paper.twips(), (11906, 16838));
        assert_eq!(settings.margin, Inches(1800));
        assert_eq!(settings.font, "Garamond");
        assert_eq!(settings.font_size, HalfPoints(23));
        assert_eq!(settings.honorifics["Mindy Hooker"], "Ms.");
        let defaults = read("[export]\nmargin_inches = 1\n").unwrap();
        assert_eq!(defaults.paper.twips(), (12240, 15840));
        assert_eq!(defaults.margin, Inches(1440));
        assert_eq!(defaults.font_size, HalfPoints(24));
        let err = read("[export]\nfont_size = 300\n").unwrap_err();
        assert!(err.starts_with("config.toml:2: "), "{err}");
    }

    #[test]
    fn missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let settings = ExportSettings::from_config_file(&dir.path().join("nope.toml")).unwrap();
        assert_eq!(settings, ExportSettings::default());
    }

    #[test]
    fn empty_label_has_no_colon() {
        let settings = read("[export]\nresponse_label = \"  \"\n").unwrap();
        assert_eq!(settings.label(), "");
    }
}
