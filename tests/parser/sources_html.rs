//! EDGAR HTML responses read through the letter sources: made at test time in the
//! styles filers use (CSS bold, `<i>` italics, Workiva spans, 1990s uppercase tags).

use crate::common::files::written;
use letterdesk::letter::source::{self, Limits};
use letterdesk::letter::{Kind, parse_file};

/// The text the HTML source makes of `html`.
fn text_of(html: &[u8]) -> String {
    let (_dir, path) = written("response.htm", html);
    let read = source::read(&path, &Limits::default()).unwrap();
    assert_eq!(read.origin.source, "HTML");
    String::from_utf8(read.text).unwrap()
}

/// A response letter from a fictional company in EDGAR's wrapper, its restated comments
/// given by `comment(n, text)`.
fn response(comment: impl Fn(usize, &str) -> String) -> String {
    let comments = [
        "Please tell us how you determined that the Harbor Point lease is an operating lease.",
        "Please revise your segment discussion to quantify each factor you cite.",
    ];
    let mut body = String::new();
    for (i, text) in comments.iter().enumerate() {
        body.push_str(&comment(i + 1, text));
        body.push_str(&format!(
            "<p style=\"margin:0\">Response: The Company respectfully advises the Staff about item {}.</p>\n",
            i + 1
        ));
    }
    format!(
        "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<FILENAME>filename1.htm\n<TEXT>\n<html><head><title>x</title><style>p {{ color: red }}</style></head><body>\n\
<p>Quarry Lane Holdings, Inc.</p><p>12 Mill Road, Dover, DE 19901</p>\n\
<p>May 6, 2024</p>\n\
<p>Securities and Exchange Commission<br>Division of Corporation Finance<br>100 F Street, N.E.<br>Washington, D.C. 20549</p>\n\
<p>Re: Quarry Lane Holdings, Inc.<br>Form 10-K for the Fiscal Year Ended December 31, 2023<br>File No. 001-55555</p>\n\
<p>Ladies and Gentlemen:</p>\n\
<p>On behalf of Quarry Lane Holdings, Inc. (the &#147;Company&#148;), we submit this letter in response to the comments of the Staff.</p>\n\
{body}<p>Sincerely,</p><p>/s/ Ina Marsh</p></body></html>\n</TEXT>\n</DOCUMENT>\n"
    )
}

#[test]
fn comments_in_bold_by_css_keep_their_emphasis() {
    let html =
        response(|n, text| format!("<p><font style=\"font-weight:700\">{n}. {text}</font></p>\n"));
    let text = text_of(html.as_bytes());
    assert!(text.contains("**1. Please tell us how"), "{text}");
    assert!(
        !text.contains("<TYPE>") && !text.contains("CORRESP") && !text.contains("color"),
        "{text}"
    );
    assert!(
        text.contains("(the “Company”)"),
        "Windows-1252 references: {text}"
    );
    assert!(
        text.contains("Securities and Exchange Commission\nDivision of Corporation Finance\n"),
        "{text}"
    );
    let (_dir, path) = written("r.htm", html.as_bytes());
    let letter = parse_file(&path).unwrap();
    assert_eq!(letter.kind, Kind::Response);
    assert!(
        letter.comments.iter().all(|c| !c.text.contains('*')),
        "{letter:?}"
    );
}

#[test]
fn comments_in_italics_by_tag_are_marked_as_a_whole() {
    let html = response(|n, text| format!("<p><b>Comment {n}</b></p><p><i>{text}</i></p>\n"));
    let text = text_of(html.as_bytes());
    assert!(
        text.contains("**Comment 1**\n\n*Please tell us how"),
        "{text}"
    );
    let italic_css = response(|_, text| {
        format!("<div><span style=\"font-style: italic\">{text}</span></div>\n")
    });
    assert!(
        text_of(italic_css.as_bytes()).contains(
            "\n*Please revise your segment discussion to quantify each factor you cite.*\n"
        )
    );
}

#[test]
fn workiva_spans_and_table_cells_keep_the_number_with_its_text() {
    let spans = response(|n, text| {
        format!("<div><font>{n}.</font><font style=\"padding-left:9.75pt\">{text}</font></div>\n")
    });
    assert!(text_of(spans.as_bytes()).contains("\n1. Please tell us how"));
    let cells = response(|n, text| {
        format!(
            "<table><tr><td style=\"width:36px\"><div>{n}.</div></td><td><div><i>{text}</i></div></td></tr></table>\n"
        )
    });
    let text = text_of(cells.as_bytes());
    assert!(text.contains("\n1. Please tell us how"), "{text}");
    assert!(text.contains("\n2. "), "{text}");
}

#[test]
fn old_uppercase_html_in_windows_1252_is_decoded() {
    let mut html = b"<HTML><BODY><P>Quarry Lane\x92s response</P><P><B>1.</B> Caf\xe9 &#149; item</P></BODY></HTML>".to_vec();
    html.extend(b"\n");
    let (_dir, path) = written("old.htm", &html);
    let read = source::read(&path, &Limits::default()).unwrap();
    assert_eq!(read.warnings, ["not UTF-8: read as Windows-1252"]);
    let text = String::from_utf8(read.text).unwrap();
    assert_eq!(text, "Quarry Lane’s response\n\n**1.** Café • item\n\n");
}

#[test]
fn a_truncated_or_empty_file_is_read_or_said() {
    let html = response(|n, text| format!("<p><b>{n}.</b> {text}</p>"));
    let cut = &html.as_bytes()[..html.len() * 2 / 3];
    let text = text_of(cut);
    assert!(text.contains("**1.** Please tell us"), "{text}");
    let (_dir, path) = written("cut.htm", cut);
    let letter = parse_file(&path).unwrap();
    assert_eq!(letter.kind, Kind::Response);
    assert!(
        letter.warnings[0].starts_with("the HTML ends early"),
        "{:?}",
        letter.warnings
    );
    let (_dir, path) = written("whole.htm", html.as_bytes());
    let whole = parse_file(&path).unwrap();
    assert!(!whole.warnings.iter().any(|w| w.contains("ends early")));
    let (_dir, path) = written("empty.htm", b"<html><body>  </body></html>");
    assert_eq!(
        source::read(&path, &Limits::default()).unwrap_err(),
        "no text in this HTML file"
    );
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = "<div>".repeat(3_000) + "Deep text" + &"</div>".repeat(3_000);
    assert!(text_of(html.as_bytes()).contains("Deep text"));
}
