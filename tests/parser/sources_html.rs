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

/// A response filed as page images, each over its text in 1 pt white type (Workiva's
/// "slide" pages), where two spaces or more stand for each line break.
fn image_pages_response() -> String {
    let pages = [
        [
            "Quarry Lane Holdings, Inc. 12 Mill Road Dover, DE 19901",
            "May 6, 2024",
            "VIA EDGAR",
            "U.S. Securities and Exchange Commission",
            "Division of Corporation Finance",
            "Re: Quarry Lane Holdings, Inc.",
            "Form 10-K for the Fiscal Year Ended December 31, 2023",
            "File No. 001-55555",
            "Ladies and Gentlemen:",
            "Quarry Lane Holdings, Inc. is submitting this letter in response to the comment letter",
            "of the staff dated April 22, 2024. We have repeated each comment before our response.",
            "Leases, page 41",
            "1. Please tell us how you determined that the Harbor Point lease is an operating",
        ]
        .join("  "),
        [
            "Quarry Lane Holdings, Inc. 12 Mill Road Dover, DE 19901",
            "lease.",
            "Response: The lease term is seven years and the Company has no option to buy the",
            "building.",
        ]
        .join("  "),
        [
            "Quarry Lane Holdings, Inc. 12 Mill Road Dover, DE 19901",
            "2. Please revise your segment discussion to quantify each factor you cite.",
            "Response: The Company will quantify each factor in future filings.",
            "Very truly yours,",
            "/s/ Ina Marsh",
        ]
        .join("    "),
    ];
    let page = |n: usize, text: &str| {
        format!(
            "<!-- slide{n}.jpg --><DIV style=\"padding-top:2em;\"><IMG src=\"slide{n}.jpg\" width=\"1055\" height=\"1365\">\n\
<DIV><FONT size=\"1\" style=\"font-size:1pt;color:white\">{text}  </FONT></DIV><P><HR noshade><P>\n\
<DIV style=\"page-break-before:always;\">&nbsp;</DIV></DIV>\n"
        )
    };
    let pages: String = pages
        .iter()
        .enumerate()
        .map(|(i, p)| page(i + 1, p))
        .collect();
    format!(
        "<DOCUMENT>\n<TYPE>CORRESP\n<TEXT>\n<HTML><BODY>{pages}</BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"
    )
}

#[test]
fn a_response_filed_as_page_images_reads_from_their_hidden_text_with_its_lines() {
    let html = image_pages_response();
    let text = text_of(html.as_bytes());
    assert!(
        text.contains("\nRe: Quarry Lane Holdings, Inc.\nForm 10-K for the Fiscal Year"),
        "{text}"
    );
    let (_dir, path) = written("response.htm", html.as_bytes());
    let letter = parse_file(&path).unwrap();
    assert_eq!(letter.kind, Kind::Response);
    assert_eq!(letter.date.as_deref(), Some("2024-05-06"));
    assert_eq!(letter.file_number.as_deref(), Some("001-55555"));
    let numbers: Vec<&str> = letter.comments.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
    assert!(
        letter.comments[0].text.ends_with("is an operating lease."),
        "{:?}",
        letter.comments[0].text
    );
    assert!(letter.warnings.is_empty(), "{:?}", letter.warnings);
}

/// A response whose pages after the first open with a running head (the Commission,
/// the staff member, the page number), as Word's and Workiva's EDGAR HTML marks them:
/// a page break in the CSS, then the head's paragraphs. One answer runs on over a page
/// break mid-sentence.
fn paged_response(page_break: &str) -> String {
    let head = |n: usize| {
        format!(
            "{page_break}<p>Securities and Exchange Commission</p><p>Ms. Ann Vole</p><p>Page {n}</p>\n"
        )
    };
    format!(
        "<html><body>\n\
<p>Quarry Lane Holdings, Inc.</p><p>May 6, 2024</p>\n\
<p>Ms. Ann Vole<br>Securities and Exchange Commission<br>Division of Corporation Finance<br>Washington, D.C. 20549</p>\n\
<p>Re: Quarry Lane Holdings, Inc.<br>Form 10-K for the Fiscal Year Ended December 31, 2023<br>File No. 001-55555</p>\n\
<p>Dear Ms. Vole:</p>\n\
<p>On behalf of Quarry Lane Holdings, Inc., we submit this letter in response to the comments of the Staff.</p>\n\
<p><i>1. Please tell us how you determined that the Harbor Point lease is an operating lease.</i></p>\n\
<p>Response: The lease term is seven years and the Company</p>\n{}\
<p>has no option to buy the building.</p>\n\
<p><i>2. Please revise your segment discussion to quantify each factor you cite.</i></p>\n{}\
<p>Response: The Company will quantify each factor in future filings.</p>\n\
<p><i>3. Please file the Harbor Point lease as an exhibit.</i></p>\n\
<p>Response: The Company filed the lease as Exhibit 10.4 on May 1, 2024.</p>\n{}\
<p>If you have any questions, please call me.</p><p>Sincerely,</p><p>/s/ Ina Marsh</p></body></html>\n",
        head(2),
        head(3),
        head(4),
    )
}

#[test]
fn running_heads_after_page_breaks_are_left_out_of_comments_and_answers() {
    for page_break in [
        "<hr style=\"page-break-after:always\">",
        "<div style=\"break-before: page\"></div>",
        "<p style=\"PAGE-BREAK-BEFORE: always; margin: 0\"></p>",
    ] {
        let html = paged_response(page_break);
        let text = text_of(html.as_bytes());
        assert_eq!(text.matches('\u{c}').count(), 3, "{page_break}: {text}");
        let (_dir, path) = written("paged.htm", html.as_bytes());
        let filed = letterdesk::review::Filed::read(&path).unwrap();
        assert_eq!(numbers(&filed), ["1", "2", "3"], "{page_break}");
        for comment in &filed.letter.comments {
            assert!(!comment.text.contains("Vole"), "{page_break}: {comment:?}");
            assert!(comment.headings.is_empty(), "{page_break}: {comment:?}");
        }
        let answers: Vec<&str> = filed
            .sections
            .answers
            .iter()
            .map(|a| a.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            answers,
            [
                // The sentence cut by the page break is one again.
                "The lease term is seven years and the Company has no option to buy the building.",
                "The Company will quantify each factor in future filings.",
                "The Company filed the lease as Exhibit 10.4 on May 1, 2024.",
            ],
            "{page_break}"
        );
    }
}

/// Without page breaks in its CSS, the same lines are text: they are left as they are.
#[test]
fn lines_that_repeat_with_no_page_break_are_text() {
    let html = paged_response("");
    assert!(!text_of(html.as_bytes()).contains('\u{c}'));
    let (_dir, path) = written("unpaged.htm", html.as_bytes());
    let filed = letterdesk::review::Filed::read(&path).unwrap();
    let first = filed.sections.answers[0].as_deref().unwrap_or("");
    assert!(first.contains("Ann Vole"), "{first}");
}

/// One field of each of a letter's comments, in order.
fn each<'a>(
    filed: &'a letterdesk::review::Filed,
    field: fn(&'a letterdesk::letter::Comment) -> &'a str,
) -> Vec<&'a str> {
    filed.letter.comments.iter().map(field).collect()
}

/// The numbers of a letter's comments.
fn numbers(filed: &letterdesk::review::Filed) -> Vec<&str> {
    each(filed, |c| &c.number)
}

/// The texts of a letter's comments.
fn texts(filed: &letterdesk::review::Filed) -> Vec<&str> {
    each(filed, |c| &c.text)
}

/// A response from the fictional company (its header, then `body`, then its sign-off)
/// written as an HTML file and read as the program reads it.
fn read_response(body: &str) -> letterdesk::review::Filed {
    let html = format!(
        "<html><body>\n\
<p>Quarry Lane Holdings, Inc.</p><p>May 6, 2024</p>\n\
<p>Securities and Exchange Commission<br>Division of Corporation Finance<br>Washington, D.C. 20549</p>\n\
<p>Re: Quarry Lane Holdings, Inc.<br>Form 10-K for the Fiscal Year Ended December 31, 2023<br>File No. 001-55555</p>\n\
<p>Ladies and Gentlemen:</p>\n\
<p>We submit this letter in response to the comments of the Staff.</p>\n\
{body}<p>Sincerely,</p><p>/s/ Ina Marsh</p></body></html>\n"
    );
    let (_dir, path) = written("response.htm", html.as_bytes());
    letterdesk::review::Filed::read(&path).unwrap()
}

/// Labels that name who answers ("Quarry Lane Response:"), and "COMMENT:" over a
/// restatement or before its number on its line, with the restatement's heading
/// above the label.
#[test]
fn named_response_labels_and_comment_labels_bound_each_answer() {
    let body = "<p><b>Leases, page 40</b></p><p><b>COMMENT:</b></p>\n\
<p><i>1. Please tell us how you determined that the Harbor Point lease is an operating lease.</i></p>\n\
<p><b>QUARRY LANE RESPONSE:</b></p>\n\
<p>The lease term is seven years.</p>\n\
<p><b>Segment Results, page 52</b></p>\n\
<p>COMMENT: 2. Please revise your segment discussion to quantify each factor you cite.</p>\n\
<p>Quarry Lane Response:</p>\n\
<p>The Company will quantify each factor in future filings.</p>\n";
    let filed = read_response(body);
    let texts = texts(&filed);
    assert_eq!(
        texts,
        [
            "Please tell us how you determined that the Harbor Point lease is an operating lease.",
            "Please revise your segment discussion to quantify each factor you cite.",
        ]
    );
    assert_eq!(
        answers(&filed),
        [
            Some("The lease term is seven years."),
            Some("The Company will quantify each factor in future filings."),
        ]
    );
}

/// The answers of `filed` (a response), each as its text or `None`.
fn answers(filed: &letterdesk::review::Filed) -> Vec<Option<&str>> {
    filed
        .sections
        .answers
        .iter()
        .map(|a| a.as_deref())
        .collect()
}

/// Labels that number with `#` ("Comment #1:", "Response to Comment #1:") and a list
/// numbered 1 to 3 in the first answer: the labels number the restatements, not the
/// list, and each answer is its own, without its label.
#[test]
fn comment_labels_numbered_with_a_hash_bound_the_restatements() {
    let body = "<p><b><i>Comment #1:</i></b></p><p>General</p>\n\
<p>Please describe your contacts with the countries named in your annual report.</p>\n\
<p><b><i>Response to Comment #1:</i></b></p>\n\
<p>Quarry Lane sold three hotels there:</p>\n\
<p>1. Hotel Alder;</p><p>2. Hotel Birch; and</p><p>3. Hotel Cedar.</p>\n\
<p><b><i>Comment #2:</i></b></p>\n\
<p>Please discuss whether those contacts are material to your security holders.</p>\n\
<p><b><i>Response to Comment #2:</i></b></p>\n\
<p>Quarry Lane believes the contacts are not material.</p>\n";
    let filed = read_response(body);
    assert_eq!(numbers(&filed), ["1", "2"]);
    let answers = answers(&filed);
    let first = answers[0].unwrap();
    assert!(
        first.starts_with("Quarry Lane sold three hotels"),
        "{first}"
    );
    assert!(first.contains("3. Hotel Cedar."), "{first}");
    assert_eq!(
        answers[1],
        Some("Quarry Lane believes the contacts are not material.")
    );
}

/// A label run into its answer after the comment's number (a bold label on the
/// answer's line: "Response to Comment No. 1 We acknowledge…") ends the restatement,
/// and a label on a line of its own is never joined to the answer below it
/// ("Response", then "Quarry Lane confirms…").
#[test]
fn labels_run_into_their_answer_or_alone_are_not_the_answer() {
    let body = "<p>1. Please expand your discussion of your board's role in risk oversight.</p>\n\
<p><b>Response to Comment No. 1</b> We acknowledge the Staff's comment and will expand it.</p>\n\
<p>2. Please tell us whether the Carried Interest Plan is material.</p>\n\
<p><u>Response</u></p>\n\
<p>Quarry Lane confirms that the plan is not material.</p>\n";
    let filed = read_response(body);
    assert_eq!(
        texts(&filed),
        [
            "Please expand your discussion of your board's role in risk oversight.",
            "Please tell us whether the Carried Interest Plan is material.",
        ]
    );
    assert_eq!(
        answers(&filed),
        [
            Some("We acknowledge the Staff's comment and will expand it."),
            Some("Quarry Lane confirms that the plan is not material."),
        ]
    );
}

/// The extraction cache keeps a text by its source's revision: the text an older build
/// made of the same bytes (before page breaks were read, under the name it kept it by
/// then) is not read as this build's.
#[test]
fn texts_an_older_build_kept_are_not_read() {
    use crate::common::bin::{arg, json_of, letterdesk_cached};
    let html = paged_response("<hr style=\"page-break-after:always\">");
    let (dir, _path) = written("paged.htm", html.as_bytes());
    let cache = tempfile::tempdir().unwrap();
    let comments = || {
        let out = letterdesk_cached(&["status", "--json", arg(dir.path())], cache.path());
        json_of(&out)["letters"][0]["comments"].clone()
    };
    assert_eq!(comments(), 3);
    let ours = cache.path().join("letterdesk");
    let texts = ours.join("text");
    let kept: Vec<_> = std::fs::read_dir(&texts)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let name = kept[0].file_name().unwrap().to_str().unwrap().to_owned();
    // "html-rN-HASH.json", N the HTML source's revision.
    let (revision, hash) = name
        .strip_prefix("html-r")
        .and_then(|r| r.split_once('-'))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(revision.parse::<u32>().unwrap() >= 2, "{name}");
    // Only the older text is left: no brief of the letter, no text of this build.
    let mut older: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&kept[0]).unwrap()).unwrap();
    older["text"] = "Ladies and Gentlemen:\n\n1. A comment an older build read.\n".into();
    std::fs::remove_dir_all(&ours).unwrap();
    std::fs::create_dir_all(&texts).unwrap();
    let older_name = format!("html-{hash}");
    std::fs::write(texts.join(&older_name), older.to_string()).unwrap();
    assert_eq!(comments(), 3);
    // Under this build's name, the same text is read (the test sees the cache at work).
    std::fs::rename(texts.join(&older_name), texts.join(&name)).unwrap();
    std::fs::remove_file(ours.join("briefs.bin")).unwrap();
    assert_eq!(comments(), 1);
}

/// A response that sets its restated comments in bold, with numbered lists in its
/// answers: the lists are the answers' (their items, "1." again or "2)" before the bold
/// "2.", are not restatements), and a plain restatement that goes on from the last one
/// ("3." after the bold "2.") is still one.
#[test]
fn restatements_set_in_bold_are_told_from_the_lists_in_answers() {
    let body = "<p><b>1. Please tell us how you recognize revenue from the Harbor Point leases.</b></p>\n\
<p>Response:</p>\n\
<p>The Company recognizes revenue in three steps:</p>\n\
<p>1. It identifies the lease.</p>\n<p>2. It measures the payments.</p>\n<p>3. It allocates them to each period.</p>\n\
<p>Two events may delay recognition:</p>\n\
<p>1) A tenant defaults.</p>\n<p>2) A lease is renegotiated.</p>\n\
<p><b>2. Please quantify each factor in your segment discussion.</b></p>\n\
<p>Response:</p>\n\
<p>The Company will quantify each factor in future filings.</p>\n\
<p>3. Please file the Harbor Point lease as an exhibit.</p>\n\
<p>Response:</p>\n\
<p>The Company filed the lease as Exhibit 10.4.</p>\n";
    let filed = read_response(body);
    let numbers = numbers(&filed);
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(
        filed.letter.comments[1].text,
        "Please quantify each factor in your segment discussion."
    );
    let first = filed.sections.answers[0].as_deref().unwrap_or("");
    assert!(
        first.starts_with("The Company recognizes revenue in three steps:"),
        "{first}"
    );
    assert!(first.ends_with("2) A lease is renegotiated."), "{first}");
    assert_eq!(
        filed.sections.answers[2].as_deref(),
        Some("The Company filed the lease as Exhibit 10.4.")
    );
}

/// A response whose restatements are plain and whose footnotes are in italics: the
/// footnotes are not taken for the restatements.
#[test]
fn footnotes_in_italics_under_plain_restatements_are_not_restatements() {
    let body = "<p>1. Please tell us how you tested the Harbor Point acquisition for significance.</p>\n\
<p>Response: The tests are below.</p>\n\
<p>Investment test: 12%(1)</p>\n\
<p><i>(1) All amounts are in thousands.</i></p>\n<p><i>(2) The price assumes a June closing.</i></p>\n\
<p>2. Please quantify each factor in your segment discussion.</p>\n\
<p>Response: The Company will quantify each factor in future filings.</p>\n";
    let filed = read_response(body);
    let first: Vec<&str> = filed
        .letter
        .comments
        .iter()
        .map(|c| c.text.as_str())
        .take(1)
        .collect();
    assert_eq!(
        first,
        ["Please tell us how you tested the Harbor Point acquisition for significance."]
    );
    assert!(
        filed
            .letter
            .comments
            .iter()
            .any(|c| c.text == "Please quantify each factor in your segment discussion."),
        "{:?}",
        filed.letter.comments
    );
}

/// A heading over a table that sets a restated comment's number in a cell of its own
/// (an empty cell for the indent, then "1.", then the text): the heading is the
/// comment's, not a label the cells' text goes on from.
#[test]
fn a_heading_over_a_numbered_table_stays_a_heading() {
    let comment = |n: usize, text: &str| {
        format!(
            "<p><b><i><u>{}</u></i></b></p><p>&nbsp;</p>\n\
<table><tr><td style=\"width:0.25in\"></td><td><b><i>{n}.</i></b></td><td><b><i>{text}</i></b></td></tr></table>\n",
            ["General", "Segments"][n - 1]
        )
    };
    let html = response(comment);
    let text = text_of(html.as_bytes());
    assert!(text.contains("***General***\n\n"), "{text}");
    let (_dir, path) = written("table.htm", html.as_bytes());
    let letter = parse_file(&path).unwrap();
    let comments: Vec<(&str, Vec<&str>)> = letter
        .comments
        .iter()
        .map(|c| {
            (
                c.number.as_str(),
                c.headings.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(comments[0], ("1", vec!["General"]), "{text}");
    assert_eq!(comments[1].0, "2", "{text}");
    assert_eq!(comments[1].1.last(), Some(&"Segments"), "{text}");
}
