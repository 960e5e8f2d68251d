//! Tests of `format`.

use super::*;

fn decode(repr: &str) -> String {
    let doc: DocumentMut = format!("v = {repr}\n").parse().expect(repr);
    doc["v"].as_str().unwrap().to_owned()
}

#[test]
fn empty_is_a_plain_empty_string() {
    assert_eq!(encode_response(""), "\"\"");
}

#[test]
fn plain_text_is_a_basic_multiline_string() {
    let text = "We will revise the disclosure in future filings.\nSecond paragraph.";
    let repr = encode_response(text);
    assert_eq!(repr, format!("\"\"\"\n{text}\"\"\""));
    assert_eq!(decode(&repr), text);
}

#[test]
fn backslashes_prefer_a_literal_string() {
    let text = r"C:\filings\10-K";
    assert_eq!(encode_response(text), format!("'''\n{text}'''"));
    assert_eq!(decode(&encode_response(text)), text);
}

#[test]
fn awkward_texts_round_trip() {
    let cases = [
        "\"",
        "\"\"",
        "\"\"\"",
        "a\"\"\"\"b\"",
        "'''",
        "it's'",
        "\\'''\\",
        "\n",
        "\n\nleading newlines",
        "crlf\r\nline\r\n",
        "tab\there",
        "\u{0}\u{1}\u{1f}\u{7f}\u{80}\u{9f}",
        "rtl \u{202e}mark",
        "emoji 🎉👩‍👩‍👧",
        "=======",
        "a\n=======\nb",
        "<<<<<<< HEAD\n=======\n>>>>>>> x",
        "\\<<<<<<< x",
        "ends with backslash\\",
        "\\\n",
        "trailing quote\"",
    ];
    for text in cases {
        let repr = encode_response(text);
        assert_eq!(decode(&repr), text, "repr: {repr}");
        assert!(!repr.contains('\r'), "raw CR in {repr:?}");
    }
}

#[test]
fn marker_lines_in_responses_are_escaped() {
    let repr = encode_response("<<<<<<< HEAD\n=======\n>>>>>>> x");
    assert!(repr.contains("\\u003C<<<<<<"), "{repr}");
    assert!(repr.contains("\\u003E>>>>>>"), "{repr}");
    assert!(repr.contains("\n=======\n"));
    assert_eq!(crate::drafts::find_conflict_marker(&repr), None);
}

#[test]
fn keys_are_quoted() {
    assert_eq!(number_key("1").display_repr(), "\"1\"");
    assert_eq!(number_key("3(a)").display_repr(), "\"3(a)\"");
    assert_eq!(number_key("a\"b").get(), "a\"b");
}

#[test]
fn line_of_counts_newlines() {
    assert_eq!(line_of("a\nb\nc", 0), 1);
    assert_eq!(line_of("a\nb\nc", 2), 2);
    assert_eq!(line_of("a\nb\nc", 99), 3);
}

#[test]
fn fresh_document_has_the_documented_layout() {
    let mut drafts = Drafts::for_comments(&["1".to_owned(), "2".to_owned()]);
    drafts.set_response(
        "2",
        "We will revise the disclosure in future filings.\nSecond paragraph.",
    );
    drafts.toggle_resolved("2");
    let mut doc = DocumentMut::new();
    apply_drafts(&mut doc, &drafts).unwrap();
    let expected = "[comments.\"1\"]\nstatus = \"open\"\nresponse = \"\"\n\n\
                    [comments.\"2\"]\nstatus = \"resolved\"\nresponse = \"\"\"\n\
                    We will revise the disclosure in future filings.\nSecond paragraph.\"\"\"\n";
    assert_eq!(doc.to_string(), expected);
}

#[test]
fn reads_back_what_it_writes_and_reports_shape_errors() {
    let text = "[comments.\"1\"]\nstatus = \"open\"\nresponse = \"\"\n\n[comments.\"2\"]\nresponse = \"x\"\n";
    let doc = toml_edit::Document::parse(text).unwrap();
    let d = read_drafts(doc.as_table()).unwrap();
    assert_eq!(d.get("2").unwrap().status, Status::Drafted);

    let text = "[comments.\"1\"]\nstatus = \"open\"\n\n[comments.\"2\"]\nstatus = \"done\"\n";
    let doc = toml_edit::Document::parse(text).unwrap();
    let err = read_drafts(doc.as_table()).unwrap_err();
    assert_eq!(line_of(text, err.span.unwrap().start), 5);
    assert!(err.message.contains("done"), "{}", err.message);

    let text = "comments = 3\n";
    let doc = toml_edit::Document::parse(text).unwrap();
    assert!(read_drafts(doc.as_table()).is_err());
}

#[test]
fn reads_the_optional_marks() {
    let text = "[comments.\"1\"]\nresponse = \"\"\nno_response = true\n\n[comments.\"2\"]\nresponse = \"x\"\nconfidential = true\nno_response = false\n\n[comments.\"3\"]\n";
    let doc = toml_edit::Document::parse(text).unwrap();
    let d = read_drafts(doc.as_table()).unwrap();
    assert_eq!(d.get("1").unwrap().marks.no_response, Some(true));
    assert!(!d.get("1").unwrap().marks.confidential);
    assert_eq!(d.get("2").unwrap().marks.no_response, Some(false));
    assert!(d.get("2").unwrap().marks.confidential);
    assert_eq!(d.get("3").unwrap().marks, Marks::default());

    let text = "[comments.\"1\"]\nconfidential = \"yes\"\n";
    let doc = toml_edit::Document::parse(text).unwrap();
    let err = read_drafts(doc.as_table()).unwrap_err();
    assert!(err.message.contains("confidential"), "{}", err.message);
}
