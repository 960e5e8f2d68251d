//! CPU time, for figures that must not count time other processes took.

use std::time::Duration;

/// CPU time this thread has run for (`CLOCK_THREAD_CPUTIME_ID`; zero where that is not
/// available).
pub fn thread_cpu() -> Duration {
    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    {
        #[repr(C)]
        struct Timespec {
            sec: i64,
            nsec: i64,
        }
        unsafe extern "C" {
            fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
        }
        const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
        let mut t = Timespec { sec: 0, nsec: 0 };
        // SAFETY: `t` is a valid timespec (two 64-bit fields on 64-bit Linux).
        if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return Duration::new(t.sec as u64, t.nsec as u32);
        }
    }
    Duration::ZERO
}
