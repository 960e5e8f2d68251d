//! Rendering a ratatui [`Buffer`] as an SVG picture of a terminal: one `<text>` per run
//! of cells with the same style (each glyph placed at its own cell), background
//! rectangles per run, reversed cells with foreground and background swapped.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::fmt::Write;

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;
const FONT_SIZE: f32 = 14.0;
const DEFAULT_FG: &str = "#d4d4d4";
const DEFAULT_BG: &str = "#1c1c1c";

/// The 16 ANSI colours, as a common dark terminal theme shows them.
const ANSI: [&str; 16] = [
    "#1c1c1c", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
    "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
];

fn indexed(n: u8) -> String {
    match n {
        0..=15 => ANSI[n as usize].to_string(),
        16..=231 => {
            let n = n - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(n / 36),
                level((n / 6) % 6),
                level(n % 6)
            )
        }
        232..=255 => {
            let v = 8 + (n - 232) * 10;
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

fn color(c: Color, default: &str) -> String {
    match c {
        Color::Reset => default.to_string(),
        Color::Black => ANSI[0].into(),
        Color::Red => ANSI[1].into(),
        Color::Green => ANSI[2].into(),
        Color::Yellow => ANSI[3].into(),
        Color::Blue => ANSI[4].into(),
        Color::Magenta => ANSI[5].into(),
        Color::Cyan => ANSI[6].into(),
        Color::Gray => ANSI[7].into(),
        Color::DarkGray => ANSI[8].into(),
        Color::LightRed => ANSI[9].into(),
        Color::LightGreen => ANSI[10].into(),
        Color::LightYellow => ANSI[11].into(),
        Color::LightBlue => ANSI[12].into(),
        Color::LightMagenta => ANSI[13].into(),
        Color::LightCyan => ANSI[14].into(),
        Color::White => ANSI[15].into(),
        Color::Indexed(n) => indexed(n),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The SVG document for `buffer`.
pub fn render(buffer: &Buffer) -> String {
    let area = buffer.area;
    let (w, h) = (area.width as f32 * CELL_W, area.height as f32 * CELL_H);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace" font-size="{FONT_SIZE}">"#
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>"#
    );
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(area.x + x, area.y + y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            let start = x;
            // A run of cells with one style; a wide glyph stands alone so that it is placed
            // on its own cell, and the run is stretched to exactly its cells' width.
            let mut text = String::new();
            let mut cells = 0u16;
            while x < area.width {
                let c = &buffer[(area.x + x, area.y + y)];
                if (c.fg, c.bg, c.modifier) != style {
                    break;
                }
                let symbol = c.symbol();
                let wide = unicode_width::UnicodeWidthStr::width(symbol) > 1;
                if wide && cells > 0 {
                    break;
                }
                text.push_str(if symbol.is_empty() { "" } else { symbol });
                cells += if wide { 2 } else { 1 };
                x += if wide { 2 } else { 1 };
                if wide {
                    break;
                }
            }
            let reversed = style.2.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (color(style.0, DEFAULT_FG), color(style.1, DEFAULT_BG));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            let top = y as f32 * CELL_H;
            let (left, width) = (start as f32 * CELL_W, cells as f32 * CELL_W);
            if bg != DEFAULT_BG {
                let _ = writeln!(
                    svg,
                    r#"<rect x="{left:.1}" y="{top}" width="{width:.1}" height="{CELL_H}" fill="{bg}"/>"#
                );
            }
            let trimmed = text.trim_end();
            if trimmed.trim_start().is_empty() {
                continue;
            }
            let lead = text.chars().take_while(|c| *c == ' ').count();
            let body = &trimmed[lead..];
            let body_cells = unicode_width::UnicodeWidthStr::width(body) as f32;
            let mut attrs = format!(r#"fill="{fg}""#);
            if style.2.contains(Modifier::BOLD) {
                attrs.push_str(r#" font-weight="bold""#);
            }
            if style.2.contains(Modifier::ITALIC) {
                attrs.push_str(r#" font-style="italic""#);
            }
            if style.2.contains(Modifier::UNDERLINED) {
                attrs.push_str(r#" text-decoration="underline""#);
            }
            if style.2.contains(Modifier::DIM) {
                attrs.push_str(r#" opacity="0.6""#);
            }
            let _ = writeln!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" textLength="{:.1}" lengthAdjust="spacingAndGlyphs" {attrs} xml:space="preserve">{}</text>"#,
                left + lead as f32 * CELL_W,
                top + CELL_H * 0.78,
                body_cells * CELL_W,
                escape(body)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}
