//! Driving the real binary in tmux, as a person would: send keys, read the screen.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// Whether tmux is installed; tests skip (and say so) when it is not.
pub fn available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: tmux is not installed");
    }
    ok
}

/// A fresh folder for a test's letters, or `None` (the test is skipped, and says so)
/// when tmux is not installed.
pub fn folder() -> Option<tempfile::TempDir> {
    available().then(|| tempfile::tempdir().expect("a temporary folder"))
}

/// A [`folder`] holding `a.txt`, a staff letter from `company` with `comments`.
pub fn folder_with_letter(
    company: &str,
    comments: &[impl AsRef<str>],
) -> Option<tempfile::TempDir> {
    let dir = folder()?;
    super::letters::write_letter(&dir.path().join("a.txt"), company, comments);
    Some(dir)
}

/// One tmux server (own socket) running one window with the program.
pub struct Tmux {
    socket: String,
    /// Home, config and state folders given to the program, so no real user file is read.
    pub home: tempfile::TempDir,
}

impl Tmux {
    /// Start `args` (the letterdesk binary's arguments) in `dir` in a `width`×`height` terminal.
    pub fn start(dir: &Path, args: &[&str], width: u16, height: u16) -> Tmux {
        let tmux = Tmux::new();
        tmux.spawn(dir, args, width, height);
        tmux
    }

    /// Start a shell command line (`$LETTERDESK` names the binary) with extra
    /// environment variables, e.g. to run `stty -a` after the program ends.
    pub fn start_shell(
        dir: &Path,
        script: &str,
        env: &[(&str, &str)],
        width: u16,
        height: u16,
    ) -> Tmux {
        let tmux = Tmux::new();
        let binary = env!("CARGO_BIN_EXE_letterdesk");
        let mut vars = vec![format!("LETTERDESK={binary}")];
        vars.extend(env.iter().map(|(k, v)| format!("{k}={v}")));
        tmux.spawn_command(
            dir,
            &format!("exec sh -c {}", shell_quote(script)),
            &vars,
            width,
            height,
        );
        tmux
    }

    fn new() -> Tmux {
        let home = tempfile::tempdir().expect("home");
        let socket = format!(
            "letterdesk-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        Tmux { socket, home }
    }

    /// The journal folder the program uses.
    pub fn journal_dir(&self) -> PathBuf {
        self.home.path().join("state/letterdesk/journal")
    }

    /// The cache folder the program uses (under the test's own home).
    pub fn cache_dir(&self) -> PathBuf {
        self.home.path().join(".cache/letterdesk")
    }

    /// `tmux` with `args`, talking to this test's own server.
    fn tmux(&self, args: &[&str]) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-L", &self.socket]).args(args);
        command
    }

    /// `tmux send-keys` to the pane with `args`; it must succeed.
    fn send_keys(&self, args: &[&str]) {
        let status = self.tmux(&["send-keys", "-t", "0"]).args(args).status();
        assert!(status.expect("send-keys").success(), "send-keys {args:?}");
    }

    /// What `tmux` with `args` (a query such as `capture-pane -p`) prints.
    fn output(&self, args: &[&str]) -> String {
        let out = self.tmux(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A tmux format about the pane, e.g. `#{pane_title}`, `#{alternate_on}`.
    pub fn display(&self, format: &str) -> String {
        let out = self.output(&["display-message", "-p", "-t", "0", format]);
        out.trim().to_string()
    }

    /// The pid of a process the pane's process started (`pgrep -P`), if there is one.
    pub fn pane_child(&self) -> Option<String> {
        let pane = self.display("#{pane_pid}");
        let children = Command::new("pgrep").args(["-P", &pane]).output().ok()?;
        let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
        (!pid.is_empty()).then_some(pid)
    }

    /// Send a signal to the program (the pane's process).
    pub fn signal(&self, signal: &str) {
        let pid = self.display("#{pane_pid}");
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    fn spawn(&self, dir: &Path, args: &[&str], width: u16, height: u16) {
        let binary = env!("CARGO_BIN_EXE_letterdesk");
        let mut command = format!("exec {}", shell_quote(binary));
        for a in args {
            command.push(' ');
            command.push_str(&shell_quote(a));
        }
        self.spawn_command(dir, &command, &[], width, height);
    }

    fn spawn_command(&self, dir: &Path, command: &str, vars: &[String], width: u16, height: u16) {
        let home = self.home.path();
        let new_session = || {
            self.tmux(&["-f", "/dev/null", "new-session", "-d", "-x"])
                .arg(width.to_string())
                .arg("-y")
                .arg(height.to_string())
                .arg("-c")
                .arg(dir)
                .args(["-e", "TERM=xterm-256color"])
                .arg("-e")
                .arg(format!("HOME={}", home.display()))
                .arg("-e")
                .arg(format!("XDG_CONFIG_HOME={}", home.join("config").display()))
                .arg("-e")
                .arg(format!("XDG_STATE_HOME={}", home.join("state").display()))
                .args(vars.iter().flat_map(|v| ["-e", v.as_str()]))
                .arg(command)
                .status()
                .expect("tmux runs")
        };
        // A server just killed (`restart`) may still hold the socket for a moment.
        let mut status = new_session();
        for _ in 0..20 {
            if status.success() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
            status = new_session();
        }
        assert!(status.success(), "tmux new-session failed");
        // Keep the pane after the program exits, to read its last screen.
        let _ = self
            .tmux(&["set-option", "-g", "remain-on-exit", "on"])
            .status();
    }

    /// Run the program again in a fresh window of the same server.
    pub fn restart(&self, dir: &Path, args: &[&str], width: u16, height: u16) {
        let _ = self.tmux(&["kill-server"]).status();
        self.spawn(dir, args, width, height);
    }

    /// Type keys (tmux key names such as "Enter", "Escape", "j", "C-s").
    pub fn keys(&self, keys: &[&str]) {
        self.send_keys(keys);
        // A lone Esc closely followed by another key reads as Alt-key: give it room.
        let pause = if keys.contains(&"Escape") { 250 } else { 80 };
        std::thread::sleep(Duration::from_millis(pause));
    }

    /// Press one key (a tmux key name) and return at once, as a held key repeats.
    pub fn send_key(&self, key: &str) {
        self.send_keys(&[key]);
    }

    /// Type literal text.
    pub fn type_text(&self, text: &str) {
        self.send_keys(&["-l", text]);
        std::thread::sleep(Duration::from_millis(80));
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.output(&["capture-pane", "-p", "-t", "0"])
    }

    /// The screen with escape sequences (colours), for checks on styling.
    pub fn screen_with_escapes(&self) -> String {
        self.output(&["capture-pane", "-p", "-e", "-t", "0"])
    }

    /// Wait until `predicate` holds for the screen, or panic with the last screen.
    pub fn wait_until(&self, what: &str, predicate: impl Fn(&str) -> bool) -> String {
        self.wait_until_for(what, Duration::from_secs(15), predicate)
    }

    /// [`Tmux::wait_until`] with a time limit.
    pub fn wait_until_for(
        &self,
        what: &str,
        limit: Duration,
        predicate: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let screen = self.screen();
            if predicate(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen shows `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Type `key` (a tmux key name), then wait until the screen shows `text`; returns
    /// that screen.
    pub fn press(&self, key: &str, text: &str) -> String {
        self.keys(&[key]);
        self.wait_for(text)
    }

    /// Press q and wait for the program to exit.
    pub fn quit(&self) {
        self.keys(&["q"]);
        self.wait_exit();
    }

    /// The program's crash journal, opened from outside.
    pub fn journal(&self) -> letterdesk::journal::Journal {
        letterdesk::journal::Journal::open(self.journal_dir()).expect("the journal opens")
    }

    /// Type `key` `count` times in one go.
    pub fn repeat(&self, key: &str, count: usize) {
        self.send_keys(&["-N", &count.to_string(), key]);
        std::thread::sleep(Duration::from_millis(80));
    }

    /// Whether the program has exited (the pane is dead).
    pub fn exited(&self) -> bool {
        self.display("#{pane_dead}") == "1"
    }

    /// Wait for the program to exit.
    pub fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !self.exited() {
            assert!(
                Instant::now() < deadline,
                "program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]).status();
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The real 2014 letter from `../shared/letters` when present, else the synthetic
/// fixture with the same structure. Returns (path, file name).
pub fn letter_2014() -> (PathBuf, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let real = root.join("../shared/letters/upload_21vianet_2014-11-17.txt");
    if real.exists() {
        return (real, "upload_21vianet_2014-11-17.txt".to_string());
    }
    let fixture = root.join("tests/fixtures/letters/classic_four_deep_headings.txt");
    (fixture, "classic_four_deep_headings.txt".to_string())
}
