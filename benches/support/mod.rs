//! Shared by the benchmarks: `mod support;` from a bench file in `benches/`.
//!
//! - [`cpu`]: the CPU time of the calling thread.
//! - [`demo`]: the demo workspace, listed or with a letter open.
//! - [`peak`]: this process's peak memory.
//! - [`letters`]: a deterministic generator of synthetic staff comment letters (fictional
//!   companies) and drafts files, written at run time into a temporary folder.

#![allow(dead_code)]

pub mod cpu;
pub mod demo;
pub mod letters;
pub mod peak;
