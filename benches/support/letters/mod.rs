//! Synthetic staff comment letters, for benchmarks at scale.
//!
//! [`generate`] writes `count` letters (and a drafts file next to about half of them) into
//! a folder, one sub-folder per company. Everything is fictional and follows from the
//! seed alone (a tiny xorshift generator, one stream per letter, so the output does not
//! depend on how many threads write it):
//!
//! - companies: made-up names (`Bramblecrest Logistics Holdings Ltd.`), some foreign;
//! - forms: 10-K, 10-Q, 20-F, S-1, S-4 and 8-K, dated 2005 to 2025;
//! - three layouts: the classic one (blank lines between paragraphs, `1. text`), the
//!   pdftotext one (no blank lines, the number alone on its line, page-break headers
//!   `Name / Company / Date / Page N` that can fall mid-paragraph, and from 2019 the
//!   garbled `FirstName LastName` footers), and markdown (`**Re:**`, bold headings);
//! - 1 to 35 comments under heading trails (form, item, topic with page), 3 to 25 KB;
//! - a few completion letters ("We have completed our review"), with no comments.

// Each bench and test that includes the generator uses a part of it.
#![allow(unused_imports)]

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

mod companies;
mod folder;
mod forms;
mod letter;
mod pieces;
mod render;
mod rng;
mod vocabulary;

pub use companies::*;
pub use folder::*;
pub use forms::*;
pub use letter::*;
pub use pieces::*;
pub use render::*;
pub use rng::*;
use vocabulary::*;
