//! Keys as a binding names them: one key (`"G"`, `"ctrl-d"`) or two typed one after the
//! other, written with a space between (`"g g"`, `"z z"`), as vim's `gg` and `zz`.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

use super::key::KeyChord;

/// One key, or a key and the key typed after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct KeySeq {
    first: KeyChord,
    then: Option<KeyChord>,
}

impl KeySeq {
    /// The key typed first.
    pub fn first(self) -> KeyChord {
        self.first
    }

    /// The key typed second, in a sequence of two.
    pub fn then(self) -> Option<KeyChord> {
        self.then
    }

    /// Whether a binding of `self` hides one of `other` met later: both start with the
    /// same key, and one of them is that key alone (or they are the same keys).
    pub fn shadows(self, other: KeySeq) -> bool {
        self.first == other.first && (self.then.is_none() || other.then.is_none() || self == other)
    }
}

impl From<KeyChord> for KeySeq {
    fn from(first: KeyChord) -> Self {
        Self { first, then: None }
    }
}

impl TryFrom<String> for KeySeq {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl FromStr for KeySeq {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let keys: Vec<&str> = s.split_whitespace().collect();
        match keys[..] {
            // " " is the space bar, as "space" is.
            [] => Ok(s.parse::<KeyChord>()?.into()),
            [one] => Ok(one.parse::<KeyChord>()?.into()),
            [first, then] => Ok(Self {
                first: first.parse()?,
                then: Some(then.parse()?),
            }),
            _ => Err(format!("`{s}`: a binding takes one key or two")),
        }
    }
}

impl fmt::Display for KeySeq {
    /// `gg` for two character keys, as vim writes them; `Ctrl-w j` otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.first)?;
        match self.then {
            Some(then) if self.first.is_printable() && then.is_printable() => write!(f, "{then}"),
            Some(then) => write!(f, " {then}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> KeySeq {
        s.parse().unwrap()
    }

    #[test]
    fn one_key_or_two() {
        assert_eq!(seq("g"), KeySeq::from("g".parse::<KeyChord>().unwrap()));
        assert_eq!(seq("g g").first(), seq("g").first());
        assert_eq!(seq("g g").then(), Some(seq("g").first()));
        assert_eq!(seq(" ").first(), seq("space").first());
        assert_eq!(seq("ctrl-w  j").then(), Some(seq("j").first()));
        assert!("g g g".parse::<KeySeq>().is_err());
        assert!("g nope".parse::<KeySeq>().is_err());
    }

    #[test]
    fn displays_as_typed() {
        assert_eq!(seq("g g").to_string(), "gg");
        assert_eq!(seq("ctrl-w j").to_string(), "Ctrl-w j");
        assert_eq!(seq("home").to_string(), "Home");
    }

    #[test]
    fn a_key_alone_shadows_the_sequences_it_starts() {
        assert!(seq("g").shadows(seq("g g")));
        assert!(seq("g g").shadows(seq("g")));
        assert!(seq("g g").shadows(seq("g g")));
        assert!(!seq("g g").shadows(seq("g x")));
        assert!(!seq("z z").shadows(seq("g g")));
    }
}
