//! Figure 6: peak memory with the folder indexed (every letter listed, then grouped
//! into reviews), in a child process.

use super::*;
use support::peak::vm_hwm_kb;

pub(crate) fn peak_memory(root: &Path, one: &Path, label: &str, report: &mut Report) {
    let child = |mode: &str, dir: &Path| -> f64 {
        let out = Process::new(std::env::current_exe().expect("own path"))
            .arg(mode)
            .arg(dir)
            .arg(JOURNAL.get().expect("journal folder set"))
            .stderr(Stdio::inherit())
            .output()
            .expect("child");
        assert!(out.status.success(), "{mode} child failed");
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines()
            .find_map(|l| l.strip_prefix("VmHWM_KB "))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .expect("child reports VmHWM")
            / 1024.0
    };
    let workspace = child("--child-workspace", root);
    let workspace_one = child("--child-workspace", one);
    let index = child("--child-index", root);
    report.add(
        format!(
            "peak memory: workspace with {label} letters indexed {workspace:.0} MB (1 letter: {workspace_one:.0} MB); index::index as status runs it {index:.0} MB (goal < 150 MB)"
        ),
        &format!("peak memory (VmHWM), workspace with {label} letters indexed"),
        format!("{workspace:.0} MB (1 letter: {workspace_one:.0} MB)"),
        "< 150 MB",
        Some(workspace < 150.0),
    );
    report.add(
        format!("peak memory: `status` index of {label} letters {index:.0} MB"),
        &format!("peak memory (VmHWM), `status` index of {label} letters"),
        format!("{index:.0} MB"),
        "",
        None,
    );
}

/// Child: index the folder as `letterdesk status` does, report the peak.
pub(crate) fn child_index(dir: &Path) {
    let found = letterdesk::index::find_letters(&[dir.to_owned()]);
    let summaries = letterdesk::index::index(
        &found,
        0,
        letterdesk::index::DEFAULT_MAX_LETTER_BYTES,
        |_, _| {},
    );
    std::hint::black_box(&summaries);
    println!("letters {}", summaries.len());
    println!("VmHWM_KB {}", vm_hwm_kb());
}

/// Child: open the workspace on the folder until every letter is listed with its
/// drafts read and the letters are grouped into reviews, report the peak.
pub(crate) fn child_workspace(dir: &Path) {
    let mut ws = Workspace::start(vec![dir.to_owned()]);
    let loaded = ws.run_until_loaded();
    ws.run_until_grouped();
    println!("letters {}", loaded.letters);
    println!("VmHWM_KB {}", vm_hwm_kb());
    ws.stop();
}
