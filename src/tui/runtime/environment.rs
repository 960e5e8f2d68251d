//! What the workspace takes from its surroundings at start: the day (`LETTERDESK_TODAY`
//! fixes it, for tests and demonstrations) and who "me" is for the owners of comments.

use chrono::NaiveDate;

use crate::config::Config;

/// Fixes the day deadlines count from (`YYYY-MM-DD`), instead of the system clock.
pub const TODAY_ENV: &str = "LETTERDESK_TODAY";
/// Who "me" is for the owners of comments, before the config and git.
pub const USER_ENV: &str = "LETTERDESK_USER";

/// `$LETTERDESK_TODAY` when it holds a date, else the local date.
pub(super) fn today() -> NaiveDate {
    std::env::var(TODAY_ENV)
        .ok()
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Who "me" is: `$LETTERDESK_USER`, else `user` under `[workspace]` in the config, else
/// `git config user.name`, else `$USER`.
pub(super) fn me(config: &Config) -> Option<String> {
    let set = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    set(std::env::var(USER_ENV).ok())
        .or_else(|| set(config.workspace.user.clone()))
        .or_else(|| set(git_user()))
        .or_else(|| set(std::env::var("USER").ok()))
}

/// `git config user.name`, when git is there and has one.
fn git_user() -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
