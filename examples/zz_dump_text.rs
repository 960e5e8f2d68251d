fn main() {
    let p = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let r = letterdesk::letter::source::read(&p, &Default::default()).unwrap();
    print!(
        "{}",
        String::from_utf8_lossy(&r.text).replace('\u{c}', "<<FF>>\n")
    );
}
