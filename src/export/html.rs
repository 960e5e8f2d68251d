//! HTML that EDGAR accepts: one self-contained ASCII file (non-ASCII characters as
//! numeric references), HTML 3.2/4.0 tags only (`p`, `br`, `b`, `i`, `u`, `ul`, `li`,
//! `table`, `tr`, `td`), inline styles, no scripts, links, images or style sheets.

use super::escape::html as esc;
use super::flow::{Flow, Item, Marker};
use super::model::{Block, Document, MISSING_MARKER, REDACTED_MARKER};
use super::settings::Restatement;

/// The style of the body: a letter page.
const BODY_STYLE: &str = "font-family: 'Times New Roman', Times, serif; font-size: 12pt; line-height: 1.25; max-width: 6.5in; margin: 1in auto";

/// Renders the document as HTML.
pub fn render(doc: &Document) -> String {
    let (open, close) = match doc.restatement {
        Restatement::Bold => ("<b>", "</b>"),
        Restatement::Italic => ("<i>", "</i>"),
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n");
    out.push_str("<html>\n<head>\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&doc.title)));
    out.push_str("</head>\n");
    out.push_str(&format!("<body style=\"{BODY_STYLE}\">\n"));
    for block in &doc.blocks {
        match block {
            Block::Lines(lines) => out.push_str(&lines_p(lines, "", "")),
            Block::Headings(lines) => out.push_str(&lines_p(lines, "<u>", "</u>")),
            Block::Re(lines) => out.push_str(&labelled("Re:", lines, true)),
            Block::Cc(lines) => out.push_str(&labelled("cc:", lines, false)),
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", esc(text))),
            Block::Opening { before, after } => out.push_str(&format!(
                "<p>{}</p>\n",
                esc(&format!("{before}in {}{after}", doc.restatement.words()))
            )),
            Block::Comment { flows, .. } => flows_html(&mut out, flows, open, close),
            Block::Label(label) => {
                out.push_str(&format!("<p><b><u>{}</u></b></p>\n", esc(label)));
            }
            Block::Response { flows, .. } | Block::Statement(flows) => {
                flows_html(&mut out, flows, "", "")
            }
            Block::Letterhead(lines) => {
                let inner: Vec<String> = lines.iter().map(|l| esc(l)).collect();
                out.push_str(&format!(
                    "<p style=\"text-align: center\">{}</p>\n",
                    inner.join("<br>\n")
                ));
            }
            Block::Legend(text) => out.push_str(&format!("<p><b>{}</b></p>\n", esc(text))),
            Block::Redacted { number } => out.push_str(&format!(
                "<p>{}</p>\n",
                esc(&format!("{number}. {REDACTED_MARKER}"))
            )),
            Block::Missing { .. } => out.push_str(&format!(
                "<p><b style=\"background-color: #ffff00\">{}</b></p>\n",
                esc(MISSING_MARKER)
            )),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Lines in one paragraph, separated by `<br>`, each wrapped in `open`/`close`.
fn lines_p(lines: &[String], open: &str, close: &str) -> String {
    let inner: Vec<String> = lines
        .iter()
        .map(|l| format!("{open}{}{close}", esc(l)))
        .collect();
    format!("<p>{}</p>\n", inner.join("<br>\n"))
}

/// A label in a left column and lines beside it ("Re:" block, "cc:" list).
fn labelled(label: &str, lines: &[String], bold: bool) -> String {
    let (open, close) = if bold { ("<b>", "</b>") } else { ("", "") };
    let inner: Vec<String> = lines
        .iter()
        .map(|l| format!("{open}{}{close}", esc(l)))
        .collect();
    format!(
        "<table cellpadding=\"0\" cellspacing=\"0\" style=\"margin: 0 0 1em 0\"><tr>\
         <td valign=\"top\" style=\"width: 0.5in\">{open}{label}{close}</td>\
         <td valign=\"top\">{}</td></tr></table>\n",
        inner.join("<br>\n")
    )
}

/// Paragraphs and lists of running text.
fn flows_html(out: &mut String, flows: &[Flow], open: &str, close: &str) {
    for flow in flows {
        match flow {
            Flow::Paragraph(lines) => out.push_str(&lines_p(lines, open, close)),
            Flow::List(items) => list_html(out, items, open, close),
        }
    }
}

/// Bullets become a `<ul>`; other markers are kept as typed, with a hanging indent.
fn list_html(out: &mut String, items: &[Item], open: &str, close: &str) {
    let mut in_ul = false;
    for item in items {
        let text: Vec<String> = item
            .lines
            .iter()
            .map(|l| format!("{open}{}{close}", esc(l)))
            .collect();
        let text = text.join("<br>\n");
        if item.kind == Marker::Bullet {
            if !in_ul {
                out.push_str("<ul style=\"margin-top: 0\">\n");
                in_ul = true;
            }
            out.push_str(&format!("<li>{text}</li>\n"));
        } else {
            if in_ul {
                out.push_str("</ul>\n");
                in_ul = false;
            }
            out.push_str(&format!(
                "<p style=\"margin-left: 0.5in; text-indent: -0.5in\">{open}{}{close}&nbsp;&nbsp;{text}</p>\n",
                esc(&item.marker)
            ));
        }
    }
    if in_ul {
        out.push_str("</ul>\n");
    }
}
