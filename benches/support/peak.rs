//! The peak memory of this process, for the memory goals.

/// This process's peak resident set, in kB (`VmHWM` of `/proc/self/status`; zero where
/// that is not available).
pub fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
