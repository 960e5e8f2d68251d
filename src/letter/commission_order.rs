//! The caption of a Commission order (an order declaring a registration effective,
//! one granting confidential treatment): no "Re:" block and no salutation, but "In the
//! Matter of" the company, its address, the order's title and the file number, between
//! two rules.
//!
//! ```text
//! December 31, 2020
//! _______________________________
//! In the Matter of
//! Northwind Traders, Inc.             ORDER DECLARING REGISTRATION
//! 1 Harbour Way                       EFFECTIVE PURSUANT TO SECTION 12(d)
//! File No: 001-39804
//! _______________________________
//! ```
//!
//! A PDF's text may run the caption's two columns into one line, as above.

use super::phrases::starts_with_any;

/// How the caption names the company.
const IN_THE_MATTER_OF: &str = "in the matter of";

/// The lines of the top looked through for the caption.
const MAX_TOP: usize = 40;

/// The most lines a caption holds after "In the Matter of" (company, address, title,
/// file number).
const MAX_CAPTION: usize = 16;

/// What the caption of an order says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Caption<'l> {
    /// The company the order is in the matter of.
    pub company: &'l str,
    /// The caption's lines that name the filing (its file number).
    pub filing: Vec<&'l str>,
    /// The index of the first line after the caption.
    pub end: usize,
}

/// The caption of `lines`, when they start as a Commission order does.
pub(super) fn caption<'l>(lines: &[&'l str]) -> Option<Caption<'l>> {
    let at = lines
        .iter()
        .take(MAX_TOP)
        .position(|l| starts_with_any(l, &[IN_THE_MATTER_OF]))?;
    // The phrase is ASCII, so its length in bytes is the same in any case.
    let same_line = lines[at][IN_THE_MATTER_OF.len()..].trim_start_matches([' ', ':', ',']);
    let below = lines[at + 1..]
        .iter()
        .enumerate()
        .take(MAX_CAPTION)
        .find(|(_, l)| !l.trim().is_empty());
    let named = if same_line.is_empty() {
        below.map(|(_, l)| *l)?
    } else {
        same_line
    };
    // The title column, run into the company's line, starts with "ORDER".
    let title = match named.strip_prefix("ORDER") {
        Some(_) => Some(0),
        None => named.find(" ORDER"),
    };
    let company = title.map_or(named, |cut| &named[..cut]).trim();
    if company.is_empty() {
        return None;
    }
    let caption = &lines[at + 1..lines.len().min(at + 1 + MAX_CAPTION)];
    let numbered = caption
        .iter()
        .position(|l| starts_with_any(l.trim_start(), &["file no", "file number"]));
    let end = match numbered {
        Some(i) => at + 2 + i,
        // No file number: the caption ends at its closing rule, else its first blank
        // line after the company.
        None => {
            let company_at = match below {
                Some((i, _)) if same_line.is_empty() => i + 1,
                _ => 0,
            };
            at + 1
                + caption
                    .iter()
                    .skip(company_at)
                    .position(|l| l.trim().is_empty() || is_rule(l))
                    .map_or(caption.len(), |i| i + company_at)
        }
    };
    Some(Caption {
        company,
        filing: numbered.map(|i| caption[i].trim()).into_iter().collect(),
        end,
    })
}

/// A line drawn of underscores or dashes.
fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 5 && line.bytes().all(|b| matches!(b, b'_' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn the_company_and_file_number_of_an_order_whose_columns_ran_together() {
        let text = "UNITED STATES OF AMERICA\nBEFORE THE\nSECURITIES AND EXCHANGE COMMISSION\n\
                    December 31, 2020\n\n______________\n\nIn the Matter of\n\n\
                    Northwind Traders, Inc. ORDER DECLARING REGISTRATION\n\
                    1 Harbour Way, Suite 4 EFFECTIVE PURSUANT TO SECTION 12(d)\n\
                    Portland, ME 04101 OF THE SECURITIES EXCHANGE ACT OF\n1934, AS AMENDED\n\n\
                    File No: 001-39804\n______________\n\nNorthwind Traders, Inc. has filed";
        let l = lines(text);
        let found = caption(&l).unwrap();
        assert_eq!(found.company, "Northwind Traders, Inc.");
        assert_eq!(found.filing, ["File No: 001-39804"]);
        assert_eq!(l[found.end], "______________");
    }

    #[test]
    fn a_caption_with_the_company_on_its_line_and_no_file_number() {
        let text = "In the Matter of Kittiwake Marine Holdings\n1 Quay Street\n\nORDER GRANTING \
                    CONFIDENTIAL TREATMENT\n\nKittiwake Marine Holdings has applied";
        let l = lines(text);
        let found = caption(&l).unwrap();
        assert_eq!(found.company, "Kittiwake Marine Holdings");
        assert!(found.filing.is_empty());
        assert_eq!(l[found.end], "");
        assert_eq!(l[found.end - 1], "1 Quay Street");
    }

    #[test]
    fn a_letter_is_no_order() {
        let text = "March 10, 2025\nJane Doe\nChief Financial Officer\nRe: Harrowgate Ferries";
        assert_eq!(caption(&lines(text)), None);
    }
}
