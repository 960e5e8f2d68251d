//! A folder of letters written on all cores.

use super::*;

/// A letter written by [`generate`].
#[derive(Debug, Clone)]
pub struct LetterFile {
    /// The letter file.
    pub path: PathBuf,
    /// Its size.
    pub bytes: usize,
    /// How many comments it was written with.
    pub comments: usize,
    /// A completion letter.
    pub completion: bool,
    /// Its drafts file, if it got one.
    pub drafts: Option<PathBuf>,
    /// Its layout.
    pub style: Style,
    /// Its date, ISO.
    pub date: String,
}

/// What [`generate`] wrote.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The folder.
    pub root: PathBuf,
    /// The letters, in index order.
    pub letters: Vec<LetterFile>,
    /// Bytes of letters.
    pub letter_bytes: u64,
    /// Bytes of drafts files.
    pub drafts_bytes: u64,
}

impl Corpus {
    /// How many letters have a drafts file.
    pub fn drafts_files(&self) -> usize {
        self.letters.iter().filter(|l| l.drafts.is_some()).count()
    }
}

/// Write `count` letters under `root` (one folder per company; about 25 letters a
/// company), deterministically from `seed`, on all cores.
pub fn generate(root: &Path, count: usize, seed: u64) -> io::Result<Corpus> {
    let companies = companies(seed, (count / 25).clamp(1, 2000));
    for c in &companies {
        std::fs::create_dir_all(root.join(&c.slug))?;
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count.max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<io::Result<Vec<(usize, LetterFile, u64)>>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= count {
                            break;
                        }
                        let g = letter(seed, i, &companies);
                        let slug = g.file_name.split('_').next().unwrap_or_default();
                        let path = root.join(slug).join(&g.file_name);
                        std::fs::write(&path, &g.text)?;
                        let mut drafts_bytes = 0;
                        let drafts = match &g.drafts {
                            Some(text) => {
                                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                                let d = path.with_file_name(format!("{stem}.responses.toml"));
                                std::fs::write(&d, text)?;
                                drafts_bytes = text.len() as u64;
                                Some(d)
                            }
                            None => None,
                        };
                        mine.push((
                            i,
                            LetterFile {
                                path,
                                bytes: g.text.len(),
                                comments: g.comments,
                                completion: g.completion,
                                drafts,
                                style: g.style,
                                date: g.date.clone(),
                            },
                            drafts_bytes,
                        ));
                    }
                    Ok(mine)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("generator thread"))
            .collect()
    });
    let mut all = Vec::with_capacity(count);
    for r in results {
        all.extend(r?);
    }
    all.sort_by_key(|(i, _, _)| *i);
    let letter_bytes = all.iter().map(|(_, l, _)| l.bytes as u64).sum();
    let drafts_bytes = all.iter().map(|(_, _, d)| d).sum();
    Ok(Corpus {
        root: root.to_owned(),
        letters: all.into_iter().map(|(_, l, _)| l).collect(),
        letter_bytes,
        drafts_bytes,
    })
}
