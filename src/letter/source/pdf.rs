//! PDF letters (the staff's letters, by e-mail and on EDGAR as form UPLOAD): the text
//! layer read with `pdf-extract` and put in reading order ([`Pages`]), on a worker of
//! its own with a time limit, so a malformed PDF is a message and never a crash or hang.

use pdf_extract::Document;

use super::pdf_order::Pages;
use super::{Extracted, Limits, Source, guarded};

/// What a PDF without a text layer gets.
pub const SCANNED: &str = "no text in this PDF: it is a scanned image; run OCR (e.g. `ocrmypdf`) and open the result";

/// What an encrypted PDF gets when it does not open without a password.
pub const ENCRYPTED: &str = "this PDF is encrypted (it needs a password): save an unprotected copy (e.g. `qpdf --decrypt IN OUT`) and open that";

/// PDF files.
pub struct Pdf;

impl Source for Pdf {
    fn name(&self) -> &'static str {
        "PDF"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["pdf"]
    }

    fn extract(&self, bytes: Vec<u8>, limits: &Limits) -> Result<Extracted, String> {
        guarded("PDF", limits.time, move || extract(&bytes))
    }
}

/// The text of a PDF's bytes, pages ended by `\f`, with a warning for each page without
/// text when others have some.
fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    if !bytes.starts_with(b"%PDF-") && !bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Err("not a PDF (no %PDF- header): the file is damaged or misnamed".into());
    }
    let mut doc = Document::load_mem(bytes).map_err(|e| format!("not a readable PDF ({e})"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ENCRYPTED.into());
    }
    let mut pages = Pages::default();
    pdf_extract::output_doc(&doc, &mut pages).map_err(|e| format!("not a readable PDF ({e})"))?;
    let has_text = |page: &String| page.chars().any(|c| !c.is_whitespace());
    if !pages.pages.iter().any(has_text) {
        return Err(SCANNED.into());
    }
    let warnings = pages
        .pages
        .iter()
        .enumerate()
        .filter(|(_, page)| !has_text(page))
        .map(|(n, _)| format!("page {} has no text (a scanned image?): not shown", n + 1))
        .collect();
    Ok(Extracted {
        text: pages.text().into_bytes(),
        warnings,
        declared: None,
    })
}
