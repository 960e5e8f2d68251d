//! Property tests: any comment or response text reads back exactly from the Markdown
//! (parsed with a CommonMark parser) and the HTML (tags stripped, entities decoded),
//! and never turns into markup: no headings, quotes, code, links, raw HTML, scripts.

use letterdesk::drafts::Drafts;
use letterdesk::export::escape::sanitize;
use letterdesk::export::{ExportSettings, Format, Restatement, export};
use letterdesk::letter::{Comment, Letter};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn letter(comment: &str) -> Letter {
    Letter {
        file: "x.txt".into(),
        company: Some("Acme Corp.".into()),
        date: Some("2024-05-01".into()),
        comments: vec![Comment {
            number: "1".into(),
            text: comment.into(),
            ..Comment::default()
        }],
        ..Letter::default()
    }
}

fn render(comment: &str, response: &str, restatement: Restatement, format: Format) -> String {
    let mut drafts = Drafts::default();
    drafts.set_response("1", response);
    let settings = ExportSettings {
        restatement,
        date: Some("May 2, 2024".into()),
        ..ExportSettings::default()
    };
    String::from_utf8(export(&letter(comment), Some(&drafts), &settings, format).bytes).unwrap()
}

/// The text a reader should see: sanitized, bullets that the format shows as list
/// bullets dropped, all whitespace dropped (line breaks and spacing are layout).
fn expected(text: &str, bullets: &[char]) -> String {
    let mut out = String::new();
    for line in sanitize(text).lines() {
        let line = line.trim();
        let mut chars = line.chars();
        let line = match chars.next() {
            Some(c)
                if bullets.contains(&c)
                    && chars.as_str().starts_with([' ', '\t'])
                    && !chars.as_str().trim().is_empty() =>
            {
                chars.as_str()
            }
            _ => line,
        };
        out.extend(line.chars().filter(|c| !c.is_whitespace()));
    }
    out
}

/// The Markdown events between the start of comment 1 and the label, and between the
/// label and the closing paragraph.
fn markdown_sections(md: &str) -> (Vec<Event<'_>>, Vec<Event<'_>>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let events: Vec<Event> = Parser::new_ext(md, options).collect();
    let text_is = |e: &Event, p: &dyn Fn(&str) -> bool| matches!(e, Event::Text(t) if p(t));
    let opening = events
        .iter()
        .position(|e| text_is(e, &|t| t.starts_with("On behalf of")))
        .expect("opening");
    let label = events
        .iter()
        .position(|e| text_is(e, &|t| t == "Response:"))
        .expect("label");
    let closing = events
        .iter()
        .position(|e| text_is(e, &|t| t.starts_with("If you have any questions")))
        .expect("closing");
    // Skip the opening paragraph's end.
    let comment = events[opening + 2..label].to_vec();
    // Skip the label's end of strong emphasis and paragraph.
    let response = events[label + 3..closing].to_vec();
    (comment, response)
}

/// The text of events, without whitespace; panics on markup the text must not make.
fn markdown_text(events: &[Event], allow_lists: bool, allow_emphasis: bool) -> String {
    let mut out = String::new();
    for event in events {
        match event {
            Event::Text(t) => out.extend(t.chars().filter(|c| !c.is_whitespace())),
            Event::SoftBreak | Event::HardBreak => {}
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) if allow_lists => {}
            Event::Start(Tag::List(_)) | Event::End(TagEnd::List(_)) if allow_lists => {}
            Event::Start(Tag::Strong | Tag::Emphasis)
            | Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                assert!(allow_emphasis, "emphasis made by the text: {events:?}");
            }
            other => panic!("markup made by the text: {other:?} in {events:?}"),
        }
    }
    out
}

/// The HTML between two markers, checked for stray markup, as text without
/// whitespace.
fn html_text(html: &str, from: &str, to: &str) -> String {
    assert!(html.is_ascii());
    assert!(!html.to_ascii_lowercase().contains("<script"));
    let start = html.find(from).expect("from") + from.len();
    let end = start + html[start..].find(to).expect("to");
    let region = &html[start..end];
    let tag = regex::Regex::new(r#"</?(p|b|i|u|br|ul|li)( style="[^"<>]*")?>"#).unwrap();
    let text = tag.replace_all(region, " ");
    assert!(!text.contains(['<', '>']), "unescaped markup: {region}");
    let entity = regex::Regex::new(r"&(amp|lt|gt|quot|nbsp|#[0-9]+);").unwrap();
    let mut out = String::new();
    let mut last = 0;
    for m in entity.captures_iter(&text) {
        let whole = m.get(0).unwrap();
        assert!(
            !text[last..whole.start()].contains('&'),
            "bare & in {region}"
        );
        out.push_str(&text[last..whole.start()]);
        match &m[1] {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "nbsp" => out.push(' '),
            n => out.push(char::from_u32(n[1..].parse().unwrap()).unwrap()),
        }
        last = whole.end();
    }
    assert!(!text[last..].contains('&'), "bare & in {region}");
    out.push_str(&text[last..]);
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Pieces that are special somewhere in Markdown or HTML.
const TOKENS: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~",
    "~~",
    "#",
    "##",
    ">",
    "<",
    "<b>",
    "</p>",
    "<script>",
    "&",
    "&amp;",
    "&#35;",
    "&lt;",
    "&x",
    "[",
    "]",
    "[x](y)",
    "![i](j)",
    "[^1]",
    "|",
    "\\",
    "\\*",
    "-",
    "+",
    "=",
    "!",
    "(",
    ")",
    ".",
    ":",
    "\"",
    "'",
    "1.",
    "2)",
    "a",
    "Z",
    "word",
    " ",
    "  ",
    "\t",
    "é",
    "中",
    "—",
    "•",
    "\u{1b}",
    "\u{85}",
    "\u{202e}",
    "http://x.y",
    "www.x.y",
];

/// What a line may start with, to exercise block starts.
const STARTS: &[&str] = &[
    "", "", "", "- ", "* ", "+ ", "-", "*", "#", "# ", "> ", "=", "1.", "12)", "    ", "\t", "• ",
    "(a) ", "a. ", "iv) ", "| ", "```", "<", "&amp;",
];

fn line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(STARTS),
        prop::sample::select(&TOKENS[..TOKENS.len()]).prop_filter("not blank or digit", |t| {
            !t.trim().is_empty() && !t.starts_with(|c: char| c.is_ascii_digit())
        }),
        prop::collection::vec(prop::sample::select(TOKENS), 0..10),
    )
        .prop_map(|(start, first, rest)| format!("{start}{first}{}", rest.concat()))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![4 => line(), 1 => Just(String::new())], 1..8)
        .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn markdown_reads_back_exactly(comment in text(), response in text(), italic in any::<bool>()) {
        prop_assume!(!sanitize(&response).trim().is_empty());
        let restatement = if italic { Restatement::Italic } else { Restatement::Bold };
        let md = render(&comment, &response, restatement, Format::Markdown);
        let (comment_events, response_events) = markdown_sections(&md);
        let bullets = ['-', '*', '+'];
        prop_assert_eq!(
            markdown_text(&comment_events, true, true),
            format!("1.{}", expected(&comment, &bullets)),
            "comment in\n{}", md
        );
        prop_assert_eq!(
            markdown_text(&response_events, true, false),
            expected(&response, &bullets),
            "response in\n{}", md
        );
    }

    #[test]
    fn html_reads_back_exactly(comment in text(), response in text(), italic in any::<bool>()) {
        prop_assume!(!sanitize(&response).trim().is_empty());
        let restatement = if italic { Restatement::Italic } else { Restatement::Bold };
        let html = render(&comment, &response, restatement, Format::Html);
        // Every bullet the export recognizes becomes an HTML list item.
        let bullets = ['-', '*', '+', '•', '—'];
        let opening = "followed by the Company&#39;s response.</p>";
        let opening = if html.contains(opening) { opening } else { "response.</p>" };
        prop_assert_eq!(
            html_text(&html, opening, "<p><b><u>Response:</u></b></p>"),
            format!("1.{}", expected(&comment, &bullets))
        );
        prop_assert_eq!(
            html_text(&html, "<p><b><u>Response:</u></b></p>", "<p>If you have any questions"),
            expected(&response, &bullets)
        );
    }
}

#[test]
fn own_lists_stay_lists_in_markdown() {
    let md = render(
        "Comment.",
        "Intro:\n- one\n- two\n\n1. first\n2. second\n\n3. three\n5. five",
        Restatement::Bold,
        Format::Markdown,
    );
    let events: Vec<Event> = Parser::new(&md).collect();
    let lists: Vec<Option<u64>> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::List(start)) => Some(*start),
            _ => None,
        })
        .collect();
    // One bullet list and the 1-2 list; 3 and 5 would be renumbered by Markdown (a
    // list starting at 3 right after another numbered list joins it), so they stay
    // typed text.
    assert_eq!(lists, [None, Some(1)], "{md}");
    assert!(md.contains("3\\. three\\\n5\\. five"), "{md}");
}
