//! Text helpers shared by the terminal UI and the command line.
//!
//! - [`sanitize`]: the one step between file text and a terminal: control and bidi
//!   characters become visible placeholders, tabs become spaces, line and paragraph
//!   separators become line breaks.
//! - [`thousands`]: a count with thousands separators.

mod count;
mod sanitize;

pub use count::thousands;
pub use sanitize::sanitize;
