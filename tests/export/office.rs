//! LibreOffice and poppler's `pdftotext`, when installed: they open what the export
//! writes as a reader would. Tests that use them skip, and say so, without them.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Whether `program` answers `--version` (or `-v`, as pdftotext does).
pub fn found(program: &str) -> bool {
    let answers = |flag: &str| {
        Command::new(program)
            .arg(flag)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    answers("--version") || answers("-v")
}

/// The LibreOffice command installed here, if any.
pub fn office() -> Option<&'static str> {
    ["libreoffice", "soffice"]
        .into_iter()
        .find(|name| found(name))
}

/// Runs LibreOffice headless to convert `file` into `dir`, with a time limit.
pub fn convert(office: &str, file: &Path, to: &str, dir: &Path) {
    let profile = dir.join("profile");
    let mut child = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("LibreOffice starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            assert!(status.success(), "LibreOffice failed: {status}: {err}");
            return;
        }
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("LibreOffice took more than 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
