//! Plain text letters (`.txt`, `.md`): the file's bytes as they are; the parser decodes
//! them (UTF-8, else Windows-1252) and refuses binary content.

use super::{Extracted, Limits, Source};

/// Plain text, as `pdftotext` writes it or a person types it.
pub struct Text;

impl Source for Text {
    fn name(&self) -> &'static str {
        "text"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "md"]
    }

    fn worth_caching(&self) -> bool {
        false
    }

    fn extract(&self, bytes: Vec<u8>, _limits: &Limits) -> Result<Extracted, String> {
        Ok(Extracted {
            text: bytes,
            warnings: Vec::new(),
            declared: None,
        })
    }
}
