//! The pieces of a letter: its layout, dates, sentences, paragraphs and wrapped lines.

use super::*;

/// How a letter is laid out on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Blank lines between paragraphs, `1. text`.
    Classic,
    /// As `pdftotext` leaves it: no blank lines, the number alone on its line, page
    /// headers that can split a paragraph.
    Pdftotext,
    /// Markdown: `**Re:**`, bold headings.
    Markdown,
}

/// What a generated letter is, for checking the parser against it.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The letter's text.
    pub text: String,
    /// The file name (no folder).
    pub file_name: String,
    /// How many numbered comments it has.
    pub comments: usize,
    /// A completion letter (no comments).
    pub completion: bool,
    /// The drafts file's text, when the letter gets one.
    pub drafts: Option<String>,
    /// The letter's layout.
    pub style: Style,
    /// The form.
    pub form: Form,
    /// The letter's date, ISO.
    pub date: String,
}

#[derive(Clone, Copy)]
pub(crate) struct Date {
    pub(crate) y: usize,
    pub(crate) m: usize,
    pub(crate) d: usize,
}

impl Date {
    pub(crate) fn long(self) -> String {
        format!("{} {}, {}", MONTHS[self.m - 1], self.d, self.y)
    }

    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// Some weeks earlier.
    pub(crate) fn before(self, rng: &mut Rng) -> Date {
        let back = rng.range(2, 10);
        let (mut y, mut m) = (self.y, self.m);
        for _ in 0..back / 4 + 1 {
            if m == 1 {
                m = 12;
                y -= 1;
            } else {
                m -= 1;
            }
        }
        Date {
            y,
            m,
            d: rng.range(1, 28),
        }
    }
}

/// Fill `{seg}`, `{pct}`, ... in a template.
pub(crate) fn fill(rng: &mut Rng, template: &str, year: usize) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('}').map_or(rest.len(), |e| at + e);
        match &rest[at + 1..end] {
            "seg" => out.push_str(rng.pick::<&str>(SEGMENTS)),
            "pct" => {
                let _ = write!(out, "{}", rng.range(2, 48));
            }
            "amt" => {
                let _ = write!(out, "{}.{}", rng.range(1, 480), rng.below(10));
            }
            "year" => {
                let _ = write!(out, "{}", year.saturating_sub(rng.below(2)));
            }
            "n" => {
                let _ = write!(out, "{}", rng.range(6, 36));
            }
            "month" => out.push_str(rng.pick::<&str>(&MONTHS)),
            "asset" => out.push_str(rng.pick::<&str>(ASSETS)),
            "ref" => out.push_str(rng.pick::<&str>(REFS)),
            "page" => {
                let _ = write!(out, "{}", rng.range(3, 140));
            }
            other => out.push_str(other),
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// A template from `items`, filled.
pub(crate) fn pick_fill(rng: &mut Rng, items: &[&str], year: usize) -> String {
    let template = *rng.pick(items);
    fill(rng, template, year)
}

/// One sentence of a staff comment.
pub(crate) fn comment_sentence(rng: &mut Rng, year: usize, first: bool) -> String {
    let roll = rng.below(10);
    if first && roll < 6 {
        let fact = pick_fill(rng, FACTS, year);
        return match rng.below(4) {
            0 => format!(
                "We note your disclosure on page {} that {fact}.",
                rng.range(3, 140)
            ),
            1 => format!("You state that {fact}."),
            2 => format!("We note that {fact}."),
            _ => format!("Your disclosure indicates that {fact}."),
        };
    }
    match roll {
        0..=3 => format!("Please {}.", pick_fill(rng, ASK, year)),
        4..=5 => format!("Please tell us {}.", pick_fill(rng, TELL, year)),
        6 => format!(
            "With a view towards disclosure, please tell us {}.",
            pick_fill(rng, TELL, year)
        ),
        7 => format!("In this regard, please {}.", pick_fill(rng, ASK, year)),
        _ => pick_fill(rng, TAILS, year),
    }
}

/// Paragraphs of a comment totalling about `budget` bytes.
pub(crate) fn comment_paragraphs(rng: &mut Rng, year: usize, budget: usize) -> Vec<String> {
    let count = match rng.below(100) {
        0..=69 => 1,
        70..=91 => 2,
        _ => 3,
    };
    let per = (budget / count).max(120);
    (0..count)
        .map(|p| {
            let mut text = String::new();
            while text.len() < per {
                if !text.is_empty() {
                    text.push(' ');
                }
                let sentence = comment_sentence(rng, year, text.is_empty() && p == 0);
                text.push_str(&sentence);
            }
            text
        })
        .collect()
}

/// A drafted response of about `len` bytes: paragraphs separated by blank lines. Plain
/// text with no `"` or `\`, so it can go in a TOML multi-line string as it is.
pub fn response_text(rng: &mut Rng, len: usize) -> String {
    let mut text = String::with_capacity(len + 200);
    while text.len() < len {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let opening = pick_fill(rng, RESPONSE_OPENINGS, 2020);
        let fact = pick_fill(rng, FACTS, 2020);
        let _ = write!(text, "{opening} {fact}.");
        let sentences = rng.range(2, 6);
        for _ in 0..sentences {
            let s = pick_fill(rng, RESPONSE_SENTENCES, 2020);
            text.push(' ');
            text.push_str(&s);
        }
    }
    text
}

/// Wrap `text` at `width` columns (0: one line). `prefix` starts the first line. A line
/// never starts with a token like `12.` (which would read as a comment number) and a
/// paragraph never ends with one word alone on its line.
pub fn wrap(text: &str, width: usize, prefix: &str) -> Vec<String> {
    if width == 0 {
        return vec![format!("{prefix}{text}")];
    }
    let mut lines = Vec::new();
    let mut line = prefix.to_string();
    let mut words_on_line = 0;
    for word in text.split(' ') {
        let numberish = word
            .strip_suffix(['.', ')'])
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
        if words_on_line > 0 && line.len() + 1 + word.len() > width && !numberish {
            lines.push(std::mem::take(&mut line));
            words_on_line = 0;
        }
        if words_on_line > 0 {
            line.push(' ');
        }
        line.push_str(word);
        words_on_line += 1;
    }
    if words_on_line == 1
        && let Some(prev) = lines.pop()
    {
        match prev.rsplit_once(' ') {
            Some((head, last)) if !head.is_empty() => {
                line = format!("{last} {line}");
                lines.push(head.to_string());
            }
            _ => lines.push(prev),
        }
    }
    lines.push(line);
    lines
}

/// Pieces of a letter before layout.
pub(crate) enum Block {
    /// Lines kept as they are (address, signature).
    Lines(Vec<String>),
    /// A paragraph to wrap.
    Para(String),
    /// A heading.
    Heading(String),
    /// A numbered comment and its paragraphs.
    Comment(usize, Vec<String>),
}
