//! A letter laid out on the page in its style, and a drafts file beside it.

use super::*;

/// What the top of a letter needs.
pub(crate) struct Header<'a> {
    pub(crate) date: Date,
    pub(crate) company: &'a str,
    pub(crate) addressee: &'a str,
    pub(crate) honorific: &'a str,
    pub(crate) last: &'a str,
    pub(crate) subject: &'a [String],
}

/// Lay the blocks out in `style`, with page-break headers about every 50 lines.
pub(crate) fn render(rng: &mut Rng, style: Style, blocks: &[Block], h: &Header) -> String {
    let width = match style {
        Style::Pdftotext => rng.range(86, 92),
        _ if rng.chance(0.4) => 0,
        _ => rng.range(78, 92),
    };
    let garbled = style == Style::Pdftotext && h.date.y >= 2019 && rng.chance(0.5);
    let page_len = rng.range(44, 54);
    let mut out: Vec<String> = Vec::with_capacity(400);

    // Letterhead, date, "Via E-mail".
    match style {
        Style::Pdftotext if h.date.y >= 2019 => {
            out.push("United States securities and exchange commission logo".into());
            out.push(String::new());
        }
        Style::Pdftotext => out.push(format!("Mail Stop {}", rng.range(3010, 4720))),
        _ if rng.chance(0.6) => {
            out.extend(
                [
                    "",
                    "",
                    "DIVISION OF",
                    "CORPORATION FINANCE",
                    "",
                    "UNITED STATES",
                ]
                .map(String::from),
            );
            out.push("SECURITIES AND EXCHANGE COMMISSION".into());
            out.push("WASHINGTON, D.C. 20549".into());
            out.push(String::new());
        }
        _ => {
            out.push(format!("Mail Stop {}", rng.range(3010, 4720)));
            out.push(String::new());
        }
    }
    let gap = style != Style::Pdftotext;
    out.push(h.date.long());
    if gap {
        out.push(String::new());
    }
    if (2008..=2016).contains(&h.date.y) && rng.chance(0.6) {
        out.push("Via E-mail".into());
        if gap {
            out.push(String::new());
        }
    }

    let page = std::cell::Cell::new(1usize);
    let page_header = |out: &mut Vec<String>| {
        page.set(page.get() + 1);
        let p = page.get();
        if garbled {
            let (first, last) = h.addressee.split_once(' ').unwrap_or((h.addressee, ""));
            let d = h.date;
            out.extend([
                String::new(),
                h.addressee.to_string(),
                "FirstName".into(),
                format!("LastName{first}"),
                last.to_string(),
                h.company.to_string(),
                "Comapany".into(),
                format!("Name{}", h.company),
                MONTHS[d.m - 1].to_string(),
                format!("{}, {}", d.d, d.y),
                format!("{} {},", MONTHS[d.m - 1], d.d),
                "Page".into(),
                format!("{p} {} Page {p}", d.y),
                "FirstName LastName".into(),
                String::new(),
            ]);
        } else if style == Style::Pdftotext {
            out.extend([
                String::new(),
                String::new(),
                h.addressee.to_string(),
                h.company.to_string(),
                h.date.long(),
                format!("Page {p}"),
            ]);
        } else {
            out.extend([
                String::new(),
                h.addressee.to_string(),
                h.company.to_string(),
                h.date.long(),
                format!("Page {p}"),
                String::new(),
            ]);
        }
    };
    let mut since_break = out.len();

    for (i, block) in blocks.iter().enumerate() {
        // The Re: block and salutation come after the address.
        let mut lines: Vec<String> = Vec::new();
        // Where a page break may fall inside the block (pdftotext only).
        let mut splittable = false;
        match block {
            Block::Lines(ls) => lines.extend(ls.iter().cloned()),
            Block::Para(text) => {
                lines = wrap(text, if width == 0 { 0 } else { width }, "");
                splittable = style == Style::Pdftotext;
            }
            Block::Heading(text) => {
                let text = if style == Style::Markdown && rng.chance(0.7) {
                    format!("**{text}**")
                } else {
                    text.clone()
                };
                lines.push(text);
            }
            Block::Comment(n, paragraphs) => {
                for (k, p) in paragraphs.iter().enumerate() {
                    if k > 0 && gap {
                        lines.push(String::new());
                    }
                    if k == 0 && style == Style::Pdftotext {
                        lines.push(format!("{n}."));
                        lines.push(String::new());
                        lines.extend(wrap(p, width, ""));
                    } else if k == 0 {
                        lines.extend(wrap(p, width, &format!("{n}. ")));
                    } else {
                        lines.extend(wrap(p, width, ""));
                    }
                }
                splittable = style == Style::Pdftotext;
            }
        }
        if splittable && since_break + lines.len() > page_len && lines.len() > 4 {
            // Split after a full line of text, not next to the number.
            let at = (page_len.saturating_sub(since_break)).clamp(3, lines.len() - 1);
            out.extend(lines.drain(..at));
            page_header(&mut out);
            since_break = 0;
        } else if since_break + lines.len() > page_len && i > 1 {
            page_header(&mut out);
            since_break = 0;
        }
        since_break += lines.len() + usize::from(gap);
        out.append(&mut lines);
        if gap {
            out.push(String::new());
        }
        if i == 0 {
            // After the address: Re: block and salutation.
            let mut re = Vec::new();
            match style {
                Style::Markdown if rng.chance(0.5) => {
                    re.push(format!("**Re:** **{}**", h.company));
                    re.extend(h.subject.iter().map(|s| format!("**{s}**")));
                }
                Style::Markdown => {
                    re.push(format!("**Re: {}", h.company));
                    re.extend(h.subject.iter().cloned());
                    if let Some(last) = re.last_mut() {
                        last.push_str("**");
                    }
                }
                _ if rng.chance(0.7) => {
                    re.push(format!("Re: {}", h.company));
                    re.extend(h.subject.iter().cloned());
                }
                _ => {
                    re.push("Re:".into());
                    if gap {
                        re.push(String::new());
                    }
                    re.push(h.company.to_string());
                    re.extend(h.subject.iter().cloned());
                }
            }
            out.extend(re);
            if gap {
                out.push(String::new());
            }
            out.push(format!("Dear {} {}:", h.honorific, h.last));
            if gap {
                out.push(String::new());
            }
            since_break = out.len();
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// A drafts file for a letter with `comments` comments: every comment has a table,
/// some drafted, some resolved.
pub fn drafts_text(rng: &mut Rng, comments: usize) -> String {
    let mut out = String::new();
    for n in 1..=comments {
        let status = match rng.below(10) {
            0..=3 => "open",
            4..=7 => "drafted",
            _ => "resolved",
        };
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "[comments.\"{n}\"]");
        let _ = writeln!(out, "status = \"{status}\"");
        if status == "open" {
            out.push_str("response = \"\"\n");
        } else {
            let len = rng.range(150, 1400);
            let _ = writeln!(out, "response = \"\"\"\n{}\"\"\"", response_text(rng, len));
        }
    }
    out
}
