//! Text helpers shared by the terminal UI and the command line.
//!
//! - [`sanitize`] / [`sanitize_line`]: the one step between file text and a terminal:
//!   every [`is_hidden`] character (Unicode's control, format and bidi characters)
//!   becomes a visible placeholder, tabs become spaces, line and paragraph separators
//!   become line breaks.
//! - [`thousands`]: a count with thousands separators; [`count_value`]: a count written
//!   in words ("ten", "twenty-one") or digits.
//! - [`may_begin_row`]: whether a wrapped row may begin with a word (not a list item's
//!   mark).

mod breaks;
mod count;
mod sanitize;

pub use breaks::may_begin_row;
pub use count::{TENS, UNITS, count_value, thousands};
pub use sanitize::{is_hidden, one_line, sanitize, sanitize_line};
