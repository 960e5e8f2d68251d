//! Letters written by the tests: hostile text, odd encodings, very large files.

#![allow(dead_code)]

use std::fmt::Write as _;

/// Write [`letter_text`] for `company` with `comments` to `path`.
pub fn write_letter(path: &std::path::Path, company: &str, comments: &[impl AsRef<str>]) {
    let comments: Vec<String> = comments.iter().map(|c| c.as_ref().to_owned()).collect();
    std::fs::write(path, letter_text(company, &comments)).expect("write the letter");
}

/// A staff comment letter from a fictional company with the given comment texts
/// (numbered from 1 under one heading).
pub fn letter_text(company: &str, comments: &[String]) -> String {
    let mut out = String::new();
    out.push_str("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWASHINGTON, D.C. 20549\n\n");
    out.push_str("March 1, 2024\n\nVia E-mail\n\nAda Quill\nChief Financial Officer\n");
    let _ = writeln!(out, "{company}\n1 Main Street\nSpringfield, IL 62701\n");
    let _ = writeln!(
        out,
        "Re: {company}\nForm 10-K for the Fiscal Year Ended December 31, 2023\nFiled February 20, 2024\nFile No. 001-12345\n"
    );
    out.push_str(
        "Dear Ms. Quill:\n\nWe have reviewed your filing and have the following comments.\n\n",
    );
    out.push_str(
        "Please respond to this letter within ten business days by amending your filing.\n\n",
    );
    out.push_str("Form 10-K for the Fiscal Year Ended December 31, 2023\n\nRisk Factors\n\n");
    for (i, text) in comments.iter().enumerate() {
        let _ = writeln!(out, "{}. {text}\n", i + 1);
    }
    out.push_str("We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures.\n\n");
    out.push_str(
        "Please contact Jo Ledger, Staff Accountant, at (202) 551-0000 with any questions.\n\n",
    );
    out.push_str("Sincerely,\n\n/s/ Sam Reviewer\n\nSam Reviewer\nOffice of Manufacturing\n");
    out
}

/// A letter of about `bytes` bytes with `count` comments of ordinary prose.
pub fn big_letter(bytes: usize, count: usize) -> String {
    let sentence = "Please tell us how you considered the disclosure of supplier concentration and quantify the effect on gross margin for each period presented. ";
    let per = bytes / count.max(1);
    let reps = (per / sentence.len()).max(1);
    let comments: Vec<String> = (0..count)
        .map(|i| {
            format!(
                "Comment {} marker. {}",
                i + 1,
                sentence.repeat(reps).trim_end()
            )
        })
        .collect();
    letter_text("Goliath Paper Mills, Inc.", &comments)
}

/// A letter whose one comment is a single line of about `bytes` bytes.
pub fn long_line_letter(bytes: usize) -> String {
    let word = "longline ";
    let line = word.repeat(bytes / word.len());
    letter_text(
        "Longline Rope Co.",
        &[format!("Start of the long line. {}", line.trim_end())],
    )
}

/// The hostile comment text: a title change, screen clear, a 256-colour escape, BEL,
/// backspaces, CR, CSI (U+009B) and RLO (U+202E).
pub const HOSTILE: &str = "Explain \u{1b}]0;PWNED\u{7} the \u{1b}[2J change \u{1b}[38;5;201mmagenta\u{1b}[0m bell\u{7} back\u{8}\u{8}space cr\rret csi\u{9b}31m rlo\u{202e}desrever end.";
