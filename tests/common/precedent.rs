//! Synthetic reviews for precedent search: for each fictional company a staff letter
//! whose comments are on a few topics and the company's response restating each
//! comment with its answer. Deterministic; shared by the tests and the benchmark.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A topic of staff comments: its name, the words that mark a comment as on it, and
/// the sentences its comments are made of.
pub struct Topic {
    /// Its name.
    pub name: &'static str,
    /// The heading its comments stand under.
    pub heading: &'static str,
    /// Words a comment on it holds (lower case); one is enough.
    pub key_terms: &'static [&'static str],
    /// Sentences of its comments: the first asks, the others add detail.
    pub sentences: &'static [&'static str],
}

/// The topics letters are written on.
pub const TOPICS: &[Topic] = &[
    Topic {
        name: "non-GAAP",
        heading: "Non-GAAP Financial Measures",
        key_terms: &["non-gaap"],
        sentences: &[
            "We note your presentation of the non-GAAP measure adjusted EBITDA in your earnings release.",
            "Please present the most directly comparable GAAP measure with equal or greater prominence, as required by Item 10(e)(1)(i)(A) of Regulation S-K.",
            "Tell us why the adjustment for restructuring charges is not a normal, recurring cash operating expense of your non-GAAP measure.",
            "Refer to Question 100.01 of the Non-GAAP Compliance and Disclosure Interpretations and revise the reconciliation of adjusted net income.",
        ],
    },
    Topic {
        name: "segments",
        heading: "Segment Information",
        key_terms: &["segment"],
        sentences: &[
            "Please tell us how you identified your operating segments under ASC 280-10-50-1 and whether the chief operating decision maker reviews the regional results.",
            "Explain why you aggregate your operating segments into one reportable segment, addressing the economic characteristics in ASC 280-10-50-11.",
            "Provide the segment profit measure used by the chief operating decision maker and the reconciliation to consolidated income.",
            "Revise the segment note to disclose the significant segment expenses regularly provided to the CODM.",
        ],
    },
    Topic {
        name: "revenue recognition",
        heading: "Revenue Recognition",
        key_terms: &["revenue", "performance obligation"],
        sentences: &[
            "Please tell us how you identify the performance obligations in your software subscription contracts under ASC 606.",
            "Explain whether revenue from installation services is recognized over time or at a point in time, and why.",
            "Disclose how you allocate the transaction price to each performance obligation and estimate standalone selling prices.",
            "Tell us whether you act as principal or agent in your marketplace revenue and the indicators of control you considered.",
        ],
    },
    Topic {
        name: "liquidity",
        heading: "Liquidity and Capital Resources",
        key_terms: &["liquidity", "cash"],
        sentences: &[
            "Please expand your discussion of liquidity to address known trends and uncertainties in your cash flows from operations.",
            "Disclose the amount of cash held by foreign subsidiaries and the tax consequences of repatriating it.",
            "Discuss the covenants of your revolving credit facility and whether you expect to remain in compliance, given your liquidity needs.",
            "Explain the drivers of the decrease in operating cash flows rather than repeating the changes in working capital.",
        ],
    },
    Topic {
        name: "cybersecurity",
        heading: "Cybersecurity",
        key_terms: &["cybersecurity", "cyber"],
        sentences: &[
            "Please describe your processes for assessing, identifying and managing material risks from cybersecurity threats, as required by Item 106 of Regulation S-K.",
            "Disclose the management positions responsible for cybersecurity risk and the relevant expertise of those persons.",
            "Tell us whether any cybersecurity incident has materially affected your business strategy, results of operations or financial condition.",
            "Describe how the board of directors oversees risks from cybersecurity threats and how it is informed of such risks.",
        ],
    },
    Topic {
        name: "climate",
        heading: "Climate-Related Disclosure",
        key_terms: &["climate", "emission", "carbon"],
        sentences: &[
            "Please discuss the material effects of climate-related legislation and regulation on your business, including carbon pricing.",
            "Tell us about the physical effects of climate change on your operations, such as severe weather affecting your facilities.",
            "Quantify the capital expenditures for climate-related projects and the compliance costs of greenhouse gas emission limits.",
            "Explain how you considered the indirect consequences of climate regulation, such as decreased demand for carbon-intensive products.",
        ],
    },
    Topic {
        name: "goodwill",
        heading: "Goodwill",
        key_terms: &["goodwill", "impairment"],
        sentences: &[
            "Please tell us the results of your goodwill impairment test and the percentage by which the fair value of each reporting unit exceeded its carrying value.",
            "Describe the key assumptions in your discounted cash flow model for the goodwill impairment test, including the discount rate.",
            "Explain why no impairment was recorded given the decline in your market capitalization below book value.",
            "Disclose the reporting units at risk of failing the goodwill impairment test and the uncertainties of the key assumptions.",
        ],
    },
    Topic {
        name: "income taxes",
        heading: "Income Taxes",
        key_terms: &["tax"],
        sentences: &[
            "Please explain the significant reconciling items in your effective income tax rate reconciliation.",
            "Tell us how you assessed the realizability of your deferred tax assets and why no valuation allowance was recorded.",
            "Disclose the amount of unrecognized tax benefits that would affect the effective tax rate if recognized.",
            "Explain the change in your valuation allowance against deferred tax assets in foreign jurisdictions.",
        ],
    },
];

/// Boilerplate a staff letter may end its comments with, word for word.
pub const BOILERPLATE: &str = "Please file the complete agreement, including all of its schedules and exhibits, with your next periodic report.";

/// A deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// One generated comment: its topic and text, and the answer the company gave.
pub struct Comment {
    /// The index of its topic in [`TOPICS`] (`None` for the boilerplate).
    pub topic: Option<usize>,
    /// Its text.
    pub text: String,
    /// The company's answer.
    pub answer: String,
}

/// One generated review: the company and its comments.
pub struct Review {
    /// The company's name.
    pub company: String,
    /// Its comments.
    pub comments: Vec<Comment>,
}

const FIRST: &[&str] = &[
    "Alder", "Birch", "Cobalt", "Dunmore", "Ember", "Fallow", "Garnet", "Heron", "Ironwood",
    "Juniper", "Kestrel", "Larch",
];
const SECOND: &[&str] = &[
    "Ferries",
    "Foods",
    "Mining",
    "Software",
    "Logistics",
    "Textiles",
    "Energy",
    "Health",
    "Robotics",
    "Paper",
];

const LINES: &[&str] = &["wholesale", "retail", "services", "manufacturing"];
const REGIONS: &[&str] = &["Europe", "Asia", "North America", "South America"];

/// The `i`th review: three or four comments on different topics, every fifth letter
/// also the boilerplate.
pub fn review(i: usize) -> Review {
    let mut rng = Rng::new(i as u64 * 7919 + 1);
    let company = format!(
        "{} {} {} Inc.",
        FIRST[i % FIRST.len()],
        SECOND[(i / FIRST.len()) % SECOND.len()],
        i
    );
    let mut topics: Vec<usize> = Vec::new();
    let wanted = 3 + rng.below(2);
    while topics.len() < wanted {
        let t = rng.below(TOPICS.len());
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    let mut comments: Vec<Comment> = topics
        .into_iter()
        .map(|t| {
            let s = TOPICS[t].sentences;
            let first = rng.below(s.len());
            let second = (first + 1 + rng.below(s.len() - 1)) % s.len();
            let place = format!(
                "This concerns your {} operations in {}.",
                LINES[rng.below(LINES.len())],
                REGIONS[rng.below(REGIONS.len())]
            );
            Comment {
                topic: Some(t),
                text: format!("{} {} {place}", s[first], s[second]),
                answer: format!(
                    "{company} answered on {} (review {i}): we will revise the disclosure in future filings as described.",
                    TOPICS[t].name
                ),
            }
        })
        .collect();
    if i.is_multiple_of(5) {
        comments.push(Comment {
            topic: None,
            text: BOILERPLATE.to_owned(),
            answer: format!("{company} will file the complete agreement (review {i})."),
        });
    }
    Review { company, comments }
}

/// A review of `company` whose staff letter asks first for its bylaws, then about its
/// non-GAAP measures: the comment a precedent search is shown for (no answers yet).
pub fn non_gaap_review(company: &str) -> Review {
    let non_gaap = TOPICS
        .iter()
        .find(|t| t.name == "non-GAAP")
        .expect("a topic");
    let comment = |text: String| Comment {
        topic: None,
        text,
        answer: String::new(),
    };
    Review {
        company: company.to_owned(),
        comments: vec![
            comment("Please file your bylaws as amended with your next periodic report.".into()),
            comment(format!(
                "{} {}",
                non_gaap.sentences[0], non_gaap.sentences[2]
            )),
        ],
    }
}

/// The staff letter of review `i`.
pub fn staff_letter(i: usize, r: &Review) -> String {
    let mut out = String::from("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\n");
    let _ = write!(
        out,
        "March 3, 2025\n\nAda Quill\nChief Financial Officer\n{}\n1 Main Street\nSpringfield, IL 62701\n\n",
        r.company
    );
    let _ = write!(
        out,
        "Re: {}\nForm 10-K for the Fiscal Year Ended December 31, 2024\nFiled February 20, 2025\nFile No. 001-{:05}\n\n",
        r.company, i
    );
    out.push_str(
        "Dear Ms. Quill:\n\nWe have reviewed your filing and have the following comments.\n\n",
    );
    out.push_str("Please respond to this letter within ten business days.\n\n");
    out.push_str("Form 10-K for the Fiscal Year Ended December 31, 2024\n\n");
    for (k, c) in r.comments.iter().enumerate() {
        let heading = c.topic.map_or("Exhibits", |t| TOPICS[t].heading);
        let _ = write!(out, "{heading}\n\n{}. {}\n\n", k + 1, c.text);
    }
    out.push_str("We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures.\n\n");
    out.push_str(
        "Please contact Jo Ledger, Staff Accountant, at (202) 551-0000 with any questions.\n\n",
    );
    out.push_str("Sincerely,\n\nDivision of Corporation Finance\nOffice of Manufacturing\n");
    out
}

/// The company's response to the staff letter of review `i`.
pub fn response_letter(i: usize, r: &Review) -> String {
    let mut out = format!(
        "{}\n1 Main Street\nSpringfield, IL 62701\n\nMarch 17, 2025\n\nVIA EDGAR\n\n",
        r.company.to_uppercase()
    );
    out.push_str("U.S. Securities and Exchange Commission\nDivision of Corporation Finance\n100 F Street, N.E.\nWashington, D.C. 20549\n\n");
    let _ = write!(
        out,
        "Re: {}\nForm 10-K for the Fiscal Year Ended December 31, 2024\nFiled February 20, 2025\nFile No. 001-{:05}\n\n",
        r.company, i
    );
    let _ = write!(
        out,
        "Dear Mr. Ledger:\n\n{} submits this letter in response to the comments of the staff set forth in your letter dated March 3, 2025. Each comment is restated below, followed by our response.\n\n",
        r.company
    );
    for (k, c) in r.comments.iter().enumerate() {
        let _ = write!(out, "{}. {}\n\nResponse: {}\n\n", k + 1, c.text, c.answer);
    }
    out.push_str("If you have any questions, please contact me at 217-555-0188.\n\nSincerely,\n\n/s/ Ada Quill\nAda Quill\nChief Financial Officer\n");
    out
}

/// The file names of review `i`'s two letters.
pub fn names(i: usize) -> (String, String) {
    (
        format!("upload_review-{i:05}_2025-03-03.txt"),
        format!("corresp_review-{i:05}_2025-03-17.txt"),
    )
}

/// Write `count` reviews under `root` (a hundred to a folder); the staff letters' paths.
pub fn write_library(root: &Path, count: usize) -> std::io::Result<Vec<PathBuf>> {
    let mut staff = Vec::with_capacity(count);
    for i in 0..count {
        let dir = root.join(format!("{:03}", i / 100));
        std::fs::create_dir_all(&dir)?;
        let r = review(i);
        let (upload, corresp) = names(i);
        std::fs::write(dir.join(&upload), staff_letter(i, &r))?;
        std::fs::write(dir.join(&corresp), response_letter(i, &r))?;
        staff.push(dir.join(upload));
    }
    Ok(staff)
}
