//! References in a comment's rows ("prior comment 2") drawn as links: underlined in
//! the key colour, so the key that follows them is worth pressing.

use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use crate::review::references::find_references;

/// `spans` (one row of a comment) with the words of each reference styled as a link.
pub(super) fn linked<'a>(spans: Vec<Span<'a>>, link: Style) -> Vec<Span<'a>> {
    let link = link.add_modifier(Modifier::UNDERLINED);
    let mut out = Vec::new();
    for span in spans {
        let found = find_references(&span.content);
        if found.is_empty() {
            out.push(span);
            continue;
        }
        let text = span.content.clone().into_owned();
        let mut at = 0;
        let mut ranges: Vec<(usize, usize)> = found.iter().map(|r| r.span).collect();
        ranges.dedup();
        for (start, end) in ranges {
            if start < at {
                continue;
            }
            out.push(Span::styled(text[at..start].to_string(), span.style));
            out.push(Span::styled(
                text[start..end].to_string(),
                span.style.patch(link),
            ));
            at = end;
        }
        out.push(Span::styled(text[at..].to_string(), span.style));
    }
    out.retain(|s| !s.content.is_empty());
    out
}
