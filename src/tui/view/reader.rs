//! The reader view: the open letter as written, in the Comments pane. Header, opening,
//! every comment under its headings, the requests that are not numbered, closing,
//! signatory and staff contacts; the selected comment highlighted and kept in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::{focused, note, one_line, pane_block, put_spans};
use crate::config::{Command, Context};
use crate::letter::Letter;
use crate::letter::sections::Sections;
use crate::text::sanitize;
use crate::tui::model::ids::Pane;
use crate::tui::model::state::State;
use crate::tui::model::wrap::wrap_line;

/// One row of the letter as laid out, with the comment it belongs to.
struct Laid {
    text: String,
    style: Style,
    comment: Option<usize>,
}

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    let key = state.key_for(Context::Comments, Command::Reader);
    let block = pane_block(
        format!(" The letter as written · {key} comments "),
        focused(state, Pane::Comments),
        theme,
        rect.width,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let open = state.open.as_ref();
    let entry = open.map(|o| &state.entries[o.id.0]);
    let read = entry.and_then(|e| Some((e.letter.as_deref()?, e.sections.as_deref()?)));
    let Some((letter, sections)) = read else {
        frame.render_widget(note("Reading the letter in full…", theme), inner);
        return;
    };
    let selected = open.and_then(|o| o.selected);
    let rows = lay_out(letter, sections, usize::from(inner.width), theme);
    let height = usize::from(inner.height);
    // The selected comment from its first row, or as much of it as fits.
    let first = rows
        .iter()
        .position(|r| r.comment.is_some() && r.comment == selected);
    let scroll = first
        .map_or(0, |f| f.saturating_sub(2))
        .min(rows.len().saturating_sub(height));
    let buf = frame.buffer_mut();
    for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(scroll)) {
        let highlight =
            (row.comment.is_some() && row.comment == selected).then(|| theme.selected_block());
        let span = Span::styled(row.text.as_str(), row.style);
        put_spans(
            buf,
            Rect::new(inner.x, y, inner.width, 1),
            &[span],
            highlight,
        );
    }
}

/// The letter, with its `sections`, as rows `width` wide.
fn lay_out(
    letter: &Letter,
    sections: &Sections,
    width: usize,
    theme: &crate::config::Theme,
) -> Vec<Laid> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut rows = Vec::new();
    let mut put = |text: &str, style: Style, comment: Option<usize>| {
        if text.is_empty() {
            rows.push(Laid {
                text: String::new(),
                style,
                comment,
            });
        }
        for line in sanitize(text).lines() {
            for row in wrap_line(line, width) {
                rows.push(Laid {
                    text: row,
                    style,
                    comment,
                });
            }
        }
    };
    let plain = Style::new();
    if let Some(date) = &letter.date {
        put(date, plain, None);
    }
    for line in [
        &letter.addressee.name,
        &letter.addressee.title,
        &letter.company,
    ]
    .into_iter()
    .flatten()
    .chain(&letter.address)
    {
        put(line, plain, None);
    }
    put("", plain, None);
    for (i, line) in letter.subject.lines.iter().enumerate() {
        let lead = if i == 0 { "Re: " } else { "    " };
        put(&format!("{lead}{}", one_line(line)), bold, None);
    }
    put("", plain, None);
    for paragraph in &sections.opening {
        put(paragraph, plain, None);
        put("", plain, None);
    }
    let mut trail: &[String] = &[];
    for (i, comment) in letter.comments.iter().enumerate() {
        for heading in comment.headings.iter().skip_while(|h| trail.contains(h)) {
            put(heading, theme.heading(), Some(i));
        }
        trail = &comment.headings;
        put(
            &format!("{}. {}", one_line(&comment.number), comment.text),
            plain,
            Some(i),
        );
        put("", plain, None);
    }
    for paragraph in &sections.closing {
        put(paragraph, plain, None);
        put("", plain, None);
    }
    if !sections.requests.is_empty() {
        put("Requests of the letter (not numbered):", bold, None);
        for request in &sections.requests {
            put(
                &format!("• {}: {}", request.kind.as_str(), one_line(&request.text)),
                plain,
                None,
            );
        }
        put("", plain, None);
    }
    for line in [&letter.signatory.name, &letter.signatory.title]
        .into_iter()
        .flatten()
    {
        put(line, plain, None);
    }
    if !letter.contacts.is_empty() {
        put("", plain, None);
        put("Contacts:", bold, None);
        for contact in &letter.contacts {
            let extra: Vec<&str> = [&contact.title, &contact.phone]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let text = match extra.is_empty() {
                true => contact.name.clone(),
                false => format!("{} ({})", contact.name, extra.join(", ")),
            };
            put(&text, plain, None);
        }
    }
    rows
}
