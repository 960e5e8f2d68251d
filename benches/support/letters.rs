//! Synthetic staff comment letters, for benchmarks at scale.
//!
//! [`generate`] writes `count` letters (and a drafts file next to about half of them) into
//! a folder, one sub-folder per company. Everything is fictional and follows from the
//! seed alone (a tiny xorshift generator, one stream per letter, so the output does not
//! depend on how many threads write it):
//!
//! - companies: made-up names (`Bramblecrest Logistics Holdings Ltd.`), some foreign;
//! - forms: 10-K, 10-Q, 20-F, S-1, S-4 and 8-K, dated 2005 to 2025;
//! - three layouts: the classic one (blank lines between paragraphs, `1. text`), the
//!   pdftotext one (no blank lines, the number alone on its line, page-break headers
//!   `Name / Company / Date / Page N` that can fall mid-paragraph, and from 2019 the
//!   garbled `FirstName LastName` footers), and markdown (`**Re:**`, bold headings);
//! - 1 to 35 comments under heading trails (form, item, topic with page), 3 to 25 KB;
//! - a few completion letters ("We have completed our review"), with no comments.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------

/// xorshift64*, seeded through splitmix64 so nearby seeds and streams differ.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// The generator for `stream` (e.g. a letter's index) under `seed`.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut z = seed
            .wrapping_add(stream.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------
// Vocabulary (all fictional)
// ---------------------------------------------------------------------------

const NAME_PARTS: &[&str] = &[
    "Alder",
    "Bramble",
    "Cobalt",
    "Driftwood",
    "Ember",
    "Fernhill",
    "Granite",
    "Harbor",
    "Ironleaf",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Meadowlark",
    "Northwind",
    "Oakhaven",
    "Pinecrest",
    "Quarry Lane",
    "Redwater",
    "Saltmarsh",
    "Thistle",
    "Umberfield",
    "Vantage",
    "Willowbrook",
    "Yarrow",
    "Zephyr",
    "Bluestem",
    "Copperhead",
    "Dovetail",
    "Eastgate",
    "Foxglove",
    "Glasswing",
    "Hollowell",
    "Kittiwake",
    "Lumenfield",
    "Moraine",
    "Nettlebury",
    "Orchard Valley",
    "Palisade",
    "Riverbend",
    "Silverline",
    "Tidewater",
    "Westmarch",
];
const NAME_SUFFIXES: &[&str] = &["", "crest", "ridge", "stone", "field", "gate", "wood"];
const INDUSTRIES: &[&str] = &[
    "Foods",
    "Marine",
    "Health",
    "Therapeutics",
    "Logistics",
    "Energy",
    "Materials",
    "Software",
    "Bancorp",
    "Realty Trust",
    "Outdoor Supply",
    "Instruments",
    "Semiconductor",
    "Minerals",
    "Hospitality",
    "Biosciences",
    "Financial",
    "Resources",
    "Networks",
    "Motors",
];
const DOMESTIC_FORMS: &[&str] = &["Inc.", "Corp.", "Co.", "Group, Inc.", "Holdings, Inc."];
const FOREIGN_FORMS: &[&str] = &["Ltd.", "Holdings Ltd.", "PLC", "N.V.", "Limited", "S.A."];
const FIRST: &[&str] = &[
    "Anika",
    "Daniel",
    "Catherine",
    "Howard",
    "Wei Ling",
    "Nikolaos",
    "Margaret",
    "Julian",
    "Priya",
    "Samuel",
    "Elena",
    "Marcus",
    "Fiona",
    "Tobias",
    "Ines",
    "Rafael",
    "Harriet",
    "Oren",
    "Beatrice",
    "Kenji",
    "Lucia",
    "Olivia",
    "Thomas",
    "Vanessa",
    "Bradley",
    "Dana",
];
const LAST: &[&str] = &[
    "Raghavan",
    "Ferris",
    "Dole",
    "Pennington",
    "Tan",
    "Vardakis",
    "Ellison",
    "Whitcombe",
    "Okonjo",
    "Mori",
    "Ferrante",
    "Brandt",
    "Achebe",
    "Oduya",
    "Kemper",
    "Sorensen",
    "Lindqvist",
    "Castellano",
    "Harrow",
    "Nakashima",
    "Obi",
    "Quayle",
    "Draper",
    "Fenwick",
];
const TITLES: &[&str] = &[
    "Chief Financial Officer",
    "Chief Executive Officer",
    "President and Chief Executive Officer",
    "Executive Vice President and Chief Financial Officer",
    "General Counsel and Secretary",
    "Senior Vice President, Finance",
];
const STREETS: &[&str] = &[
    "Cannery Row Parkway",
    "Binney Street",
    "Oyster Point Boulevard",
    "Wisconsin Avenue",
    "Harbor Drive",
    "Industrial Way",
    "Commerce Center Drive",
    "Main Street",
    "Mill Road",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Fresno", "California", "93721"),
    ("Cambridge", "Massachusetts", "02142"),
    ("Bethesda", "Maryland", "20814"),
    ("Austin", "Texas", "78701"),
    ("Denver", "Colorado", "80202"),
    ("Columbus", "Ohio", "43215"),
    ("Portland", "Oregon", "97204"),
    ("Raleigh", "North Carolina", "27601"),
];
const FOREIGN_CITIES: &[(&str, &str)] = &[
    ("Limassol", "Cyprus"),
    ("Singapore 637521", "Republic of Singapore"),
    ("Amsterdam", "The Netherlands"),
    ("Dublin 2", "Ireland"),
    ("Hamilton HM 11", "Bermuda"),
    ("Tel Aviv", "Israel"),
];
const OFFICES: &[&str] = &[
    "Office of Manufacturing",
    "Office of Life Sciences",
    "Office of Energy & Transportation",
    "Office of Trade & Services",
    "Office of Technology",
    "Office of Finance",
    "Office of Real Estate & Construction",
    "Office of Industrial Applications and Services",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SEGMENTS: &[&str] = &[
    "Consumer",
    "Industrial",
    "International",
    "Services",
    "Wholesale",
    "Retail",
    "Specialty",
];
const ASSETS: &[&str] = &[
    "long-lived assets in your distribution network",
    "capitalized software",
    "vessels held for use",
    "acquired customer relationships",
    "mineral properties",
    "manufacturing equipment",
];
const FACTS: &[&str] = &[
    "revenue from your {seg} segment increased {pct}% in fiscal {year}",
    "you recorded an impairment charge of ${amt} million related to {asset}",
    "a single customer accounted for {pct}% of net revenues in {year}",
    "you expect existing cash to fund operations for at least the next {n} months",
    "gross margin declined by {pct} percentage points compared to the prior period",
    "you entered into an exclusive license agreement with a university in {month} {year}",
    "you were not in compliance with a financial covenant under your credit facility",
    "you changed the estimated useful lives of certain {asset}",
    "you identified a material weakness in your internal control over financial reporting",
    "goodwill allocated to your {seg} reporting unit was ${amt} million at year end",
    "you intend to use approximately ${amt} million of the net proceeds for capital projects",
    "inventory reserves increased by ${amt} million compared to the prior year",
    "you present adjusted EBITDA as a measure of performance and liquidity",
    "the merger consideration will be paid in a combination of cash and stock",
    "deferred tax assets of ${amt} million are subject to a partial valuation allowance",
];
const TELL: &[&str] = &[
    "how you determined that your accounting for this arrangement is appropriate",
    "the factors you considered in concluding that no impairment was required",
    "the amount of each significant component in each period presented",
    "whether you expect these trends to continue and their expected effect on future results",
    "how you considered the guidance in {ref} in reaching your conclusion",
    "how you identified the performance obligations in these contracts",
    "the nature of the adjustments and why you believe they are appropriate",
    "when you expect the remediation to be complete and the costs you expect to incur",
];
const ASK: &[&str] = &[
    "quantify the effect of each factor you cite and discuss whether you expect these conditions to continue",
    "expand your disclosure to describe the material terms of the agreement, including payment obligations, royalty rates within a ten percentage point range and termination provisions",
    "file the agreement as an exhibit or tell us why you believe it is not required to be filed",
    "disclose the key assumptions used in estimating the fair value of the reporting unit and the degree of uncertainty associated with them",
    "reconcile this disclosure with the amounts presented in your statements of cash flows",
    "describe the steps you have taken to remediate the material weakness",
    "balance this disclosure with a discussion of the risks and uncertainties you face",
    "remove or substantiate the statement that you are a leading provider in your industry",
    "disaggregate revenue by product line and geographic region",
    "present the most directly comparable GAAP measure with equal or greater prominence",
    "discuss the known trends and uncertainties that are reasonably likely to affect liquidity",
    "clarify how the proceeds of the offering will be allocated among your programs",
];
const TAILS: &[&str] = &[
    "Refer to {ref}.",
    "Provide us with any proposed revisions to your disclosure in future filings.",
    "Please provide us with your proposed disclosure.",
    "If you do not believe this disclosure is necessary, please tell us why.",
    "Please revise here and throughout the filing as appropriate.",
];
const REFS: &[&str] = &[
    "Item 303(a) of Regulation S-K",
    "ASC 606-10-50-5",
    "ASC 350-20-35-3",
    "Rule 5-02 of Regulation S-X",
    "Section IV.C of SEC Release 33-8350",
    "Item 101(c) of Regulation S-K",
    "Item 601(b)(10) of Regulation S-K",
    "Question 100.01 of the Non-GAAP Financial Measures Compliance and Disclosure Interpretations",
    "ASC 740-10-30-5",
];
const RESPONSE_OPENINGS: &[&str] = &[
    "The Company respectfully advises the Staff that",
    "In response to the Staff's comment, the Company notes that",
    "We respectfully acknowledge the Staff's comment and advise that",
    "The Company has revised the disclosure on page {page} to clarify that",
];
const RESPONSE_SENTENCES: &[&str] = &[
    "The Company will expand this disclosure in future filings, beginning with its next annual report.",
    "Management considered the guidance in {ref} and concluded that no change to the presentation is required.",
    "The amounts disclosed reconcile to the statements of cash flows as shown in the table below.",
    "The Company does not expect these conditions to have a material effect on future results of operations.",
    "A copy of the proposed revised disclosure is included as Annex A to this letter for the Staff's review.",
    "The remediation plan was approved by the audit committee and is expected to be complete by year end.",
    "The Company has filed the agreement as Exhibit 10.{n} to Amendment No. 1 to the registration statement.",
];

// ---------------------------------------------------------------------------
// Forms and heading trails
// ---------------------------------------------------------------------------

/// The forms letters are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    TenK,
    TenQ,
    TwentyF,
    S1,
    S4,
    EightK,
}

impl Form {
    /// The form's name, e.g. "10-K".
    pub fn name(self) -> &'static str {
        match self {
            Form::TenK => "10-K",
            Form::TenQ => "10-Q",
            Form::TwentyF => "20-F",
            Form::S1 => "S-1",
            Form::S4 => "S-4",
            Form::EightK => "8-K",
        }
    }

    fn registration(self) -> bool {
        matches!(self, Form::S1 | Form::S4)
    }

    /// Sections of the filing, in filing order.
    fn sections(self) -> &'static [&'static str] {
        match self {
            Form::TenK => &[
                "Item 1. Business",
                "Item 1A. Risk Factors",
                "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations",
                "Item 8. Financial Statements and Supplementary Data",
                "Notes to Consolidated Financial Statements",
                "Item 9A. Controls and Procedures",
            ],
            Form::TenQ => &[
                "Item 1. Financial Statements (Unaudited)",
                "Notes to Condensed Consolidated Financial Statements",
                "Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations",
                "Item 4. Controls and Procedures",
            ],
            Form::TwentyF => &[
                "Item 3. Key Information",
                "Item 4. Information on the Company",
                "Item 5. Operating and Financial Review and Prospects",
                "Item 15. Controls and Procedures",
                "Item 18. Financial Statements",
            ],
            Form::S1 => &[
                "Prospectus Summary",
                "Risk Factors",
                "Use of Proceeds",
                "Dilution",
                "Management's Discussion and Analysis of Financial Condition and Results of Operations",
                "Business",
                "Executive Compensation",
                "Financial Statements",
            ],
            Form::S4 => &[
                "Questions and Answers About the Merger",
                "Summary",
                "Risk Factors",
                "Background of the Merger",
                "Opinion of the Financial Advisor",
                "Unaudited Pro Forma Condensed Combined Financial Information",
                "Material U.S. Federal Income Tax Consequences",
            ],
            Form::EightK => &[
                "Item 2.02 Results of Operations and Financial Condition",
                "Exhibit 99.1",
                "Item 4.01 Changes in Registrant's Certifying Accountant",
            ],
        }
    }
}

const TOPICS: &[&str] = &[
    "Overview",
    "Results of Operations",
    "Liquidity and Capital Resources",
    "Critical Accounting Estimates",
    "Segment Information",
    "Revenue Recognition",
    "Goodwill and Intangible Assets",
    "Income Taxes",
    "Non-GAAP Financial Measures",
    "Contractual Obligations",
    "Customer Concentration",
    "Our Pipeline",
    "License Agreement",
    "Capitalization",
    "Related Party Transactions",
    "Inventories",
    "Commitments and Contingencies",
];

// ---------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------

/// A fictional company.
#[derive(Debug, Clone)]
pub struct Company {
    /// Its name, e.g. "Bramblecrest Logistics Holdings Ltd.".
    pub name: String,
    /// Its folder name, e.g. "bramblecrest-logistics-holdings-ltd".
    pub slug: String,
    /// Files 20-F rather than 10-K.
    pub foreign: bool,
    address: Vec<String>,
}

/// `count` companies with distinct names.
pub fn companies(seed: u64, count: usize) -> Vec<Company> {
    let mut rng = Rng::new(seed, u64::MAX);
    let mut out: Vec<Company> = Vec::with_capacity(count);
    let mut seen = std::collections::HashSet::new();
    while out.len() < count {
        let foreign = rng.chance(0.2);
        let part = rng.pick(NAME_PARTS);
        let suffix = if part.contains(' ') {
            ""
        } else {
            rng.pick(NAME_SUFFIXES)
        };
        let industry = rng.pick(INDUSTRIES);
        let form = if foreign {
            rng.pick(FOREIGN_FORMS)
        } else {
            rng.pick(DOMESTIC_FORMS)
        };
        let mut name = format!("{part}{suffix} {industry} {form}");
        if !seen.insert(name.clone()) {
            // Rare collisions get a place name, then a number, to stay distinct.
            name = format!("{part}{suffix} {industry} of {} {form}", rng.pick(CITIES).0);
            if !seen.insert(name.clone()) {
                name = format!("{part}{suffix} {industry} {} {form}", out.len());
                seen.insert(name.clone());
            }
        }
        let slug = slug(&name);
        let street = format!("{} {}", rng.range(10, 9900), rng.pick(STREETS));
        let address = if foreign {
            let (city, country) = rng.pick(FOREIGN_CITIES);
            vec![street, city.to_string(), country.to_string()]
        } else {
            let (city, state, zip) = rng.pick(CITIES);
            vec![street, format!("{city}, {state} {zip}")]
        };
        out.push(Company {
            name,
            slug,
            foreign,
            address,
        });
    }
    out
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !word.is_empty() {
            if !s.is_empty() {
                s.push('-');
            }
            s.push_str(&word.to_ascii_lowercase());
        }
    }
    s
}

// ---------------------------------------------------------------------------
// One letter
// ---------------------------------------------------------------------------

/// How a letter is laid out on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Blank lines between paragraphs, `1. text`.
    Classic,
    /// As `pdftotext` leaves it: no blank lines, the number alone on its line, page
    /// headers that can split a paragraph.
    Pdftotext,
    /// Markdown: `**Re:**`, bold headings.
    Markdown,
}

/// What a generated letter is, for checking the parser against it.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The letter's text.
    pub text: String,
    /// The file name (no folder).
    pub file_name: String,
    /// How many numbered comments it has.
    pub comments: usize,
    /// A completion letter (no comments).
    pub completion: bool,
    /// The drafts file's text, when the letter gets one.
    pub drafts: Option<String>,
    /// The letter's layout.
    pub style: Style,
    /// The form.
    pub form: Form,
    /// The letter's date, ISO.
    pub date: String,
}

#[derive(Clone, Copy)]
struct Date {
    y: usize,
    m: usize,
    d: usize,
}

impl Date {
    fn long(self) -> String {
        format!("{} {}, {}", MONTHS[self.m - 1], self.d, self.y)
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// Some weeks earlier.
    fn before(self, rng: &mut Rng) -> Date {
        let back = rng.range(2, 10);
        let (mut y, mut m) = (self.y, self.m);
        for _ in 0..back / 4 + 1 {
            if m == 1 {
                m = 12;
                y -= 1;
            } else {
                m -= 1;
            }
        }
        Date {
            y,
            m,
            d: rng.range(1, 28),
        }
    }
}

/// Fill `{seg}`, `{pct}`, ... in a template.
fn fill(rng: &mut Rng, template: &str, year: usize) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('}').map_or(rest.len(), |e| at + e);
        match &rest[at + 1..end] {
            "seg" => out.push_str(rng.pick::<&str>(SEGMENTS)),
            "pct" => {
                let _ = write!(out, "{}", rng.range(2, 48));
            }
            "amt" => {
                let _ = write!(out, "{}.{}", rng.range(1, 480), rng.below(10));
            }
            "year" => {
                let _ = write!(out, "{}", year.saturating_sub(rng.below(2)));
            }
            "n" => {
                let _ = write!(out, "{}", rng.range(6, 36));
            }
            "month" => out.push_str(rng.pick::<&str>(&MONTHS)),
            "asset" => out.push_str(rng.pick::<&str>(ASSETS)),
            "ref" => out.push_str(rng.pick::<&str>(REFS)),
            "page" => {
                let _ = write!(out, "{}", rng.range(3, 140));
            }
            other => out.push_str(other),
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// A template from `items`, filled.
fn pick_fill(rng: &mut Rng, items: &[&str], year: usize) -> String {
    let template = *rng.pick(items);
    fill(rng, template, year)
}

/// One sentence of a staff comment.
fn comment_sentence(rng: &mut Rng, year: usize, first: bool) -> String {
    let roll = rng.below(10);
    if first && roll < 6 {
        let fact = pick_fill(rng, FACTS, year);
        return match rng.below(4) {
            0 => format!(
                "We note your disclosure on page {} that {fact}.",
                rng.range(3, 140)
            ),
            1 => format!("You state that {fact}."),
            2 => format!("We note that {fact}."),
            _ => format!("Your disclosure indicates that {fact}."),
        };
    }
    match roll {
        0..=3 => format!("Please {}.", pick_fill(rng, ASK, year)),
        4..=5 => format!("Please tell us {}.", pick_fill(rng, TELL, year)),
        6 => format!(
            "With a view towards disclosure, please tell us {}.",
            pick_fill(rng, TELL, year)
        ),
        7 => format!("In this regard, please {}.", pick_fill(rng, ASK, year)),
        _ => pick_fill(rng, TAILS, year),
    }
}

/// Paragraphs of a comment totalling about `budget` bytes.
fn comment_paragraphs(rng: &mut Rng, year: usize, budget: usize) -> Vec<String> {
    let count = match rng.below(100) {
        0..=69 => 1,
        70..=91 => 2,
        _ => 3,
    };
    let per = (budget / count).max(120);
    (0..count)
        .map(|p| {
            let mut text = String::new();
            while text.len() < per {
                if !text.is_empty() {
                    text.push(' ');
                }
                let sentence = comment_sentence(rng, year, text.is_empty() && p == 0);
                text.push_str(&sentence);
            }
            text
        })
        .collect()
}

/// A drafted response of about `len` bytes: paragraphs separated by blank lines. Plain
/// text with no `"` or `\`, so it can go in a TOML multi-line string as it is.
pub fn response_text(rng: &mut Rng, len: usize) -> String {
    let mut text = String::with_capacity(len + 200);
    while text.len() < len {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let opening = pick_fill(rng, RESPONSE_OPENINGS, 2020);
        let fact = pick_fill(rng, FACTS, 2020);
        let _ = write!(text, "{opening} {fact}.");
        let sentences = rng.range(2, 6);
        for _ in 0..sentences {
            let s = pick_fill(rng, RESPONSE_SENTENCES, 2020);
            text.push(' ');
            text.push_str(&s);
        }
    }
    text
}

/// Wrap `text` at `width` columns (0: one line). `prefix` starts the first line. A line
/// never starts with a token like `12.` (which would read as a comment number) and a
/// paragraph never ends with one word alone on its line.
pub fn wrap(text: &str, width: usize, prefix: &str) -> Vec<String> {
    if width == 0 {
        return vec![format!("{prefix}{text}")];
    }
    let mut lines = Vec::new();
    let mut line = prefix.to_string();
    let mut words_on_line = 0;
    for word in text.split(' ') {
        let numberish = word
            .strip_suffix(['.', ')'])
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
        if words_on_line > 0 && line.len() + 1 + word.len() > width && !numberish {
            lines.push(std::mem::take(&mut line));
            words_on_line = 0;
        }
        if words_on_line > 0 {
            line.push(' ');
        }
        line.push_str(word);
        words_on_line += 1;
    }
    if words_on_line == 1
        && let Some(prev) = lines.pop()
    {
        match prev.rsplit_once(' ') {
            Some((head, last)) if !head.is_empty() => {
                line = format!("{last} {line}");
                lines.push(head.to_string());
            }
            _ => lines.push(prev),
        }
    }
    lines.push(line);
    lines
}

/// Pieces of a letter before layout.
enum Block {
    /// Lines kept as they are (address, signature).
    Lines(Vec<String>),
    /// A paragraph to wrap.
    Para(String),
    /// A heading.
    Heading(String),
    /// A numbered comment and its paragraphs.
    Comment(usize, Vec<String>),
}

/// Letter `index` of a corpus.
pub fn letter(seed: u64, index: usize, companies: &[Company]) -> Generated {
    let mut rng = Rng::new(seed, index as u64);
    let company = &companies[rng.below(companies.len())];
    let year = rng.range(2005, 2025);
    let date = Date {
        y: year,
        m: rng.range(1, 12),
        d: rng.range(1, 28),
    };
    let form = if company.foreign {
        match rng.below(10) {
            0..=7 => Form::TwentyF,
            8 => Form::S4,
            _ => Form::EightK,
        }
    } else {
        match rng.below(20) {
            0..=7 => Form::TenK,
            8..=11 => Form::TenQ,
            12..=14 => Form::S1,
            15..=16 => Form::S4,
            _ => Form::EightK,
        }
    };
    let style = match rng.below(10) {
        0..=3 => Style::Classic,
        4..=7 => Style::Pdftotext,
        _ => Style::Markdown,
    };
    let completion = !form.registration() && rng.chance(0.025);
    let comments = if completion {
        0
    } else {
        let u = rng.unit();
        1 + (34.0 * u * u) as usize
    };
    // Bytes per comment: with the boilerplate (about 2 KB), letters land between about
    // 3 and 25 KB.
    let per_comment = rng
        .range(380, 720)
        .max(1300 / comments.max(1))
        .min(18_000 / comments.max(1));

    let first = rng.pick(FIRST).to_string();
    let last = rng.pick(LAST).to_string();
    let honorific = *rng.pick(&["Mr.", "Ms.", "Dr.", "Mr.", "Ms."]);
    let addressee = format!("{first} {last}");
    let filed = date.before(&mut rng);
    let fiscal = Date {
        y: filed.y - 1,
        m: 12,
        d: 31,
    };
    let file_no = if form.registration() {
        format!("333-{}", rng.range(100_000, 289_999))
    } else {
        format!("001-{}", rng.range(10_000, 41_999))
    };
    let mut subject = match form {
        Form::TenK => vec![format!(
            "Form 10-K for the Fiscal Year Ended December 31, {}",
            fiscal.y
        )],
        Form::TenQ => vec![format!(
            "Form 10-Q for the Quarterly Period Ended {} 30, {}",
            rng.pick(&["June", "September"]),
            filed.y
        )],
        Form::TwentyF => vec![format!(
            "Form 20-F for the Fiscal Year Ended December 31, {}",
            fiscal.y
        )],
        Form::S1 if rng.chance(0.3) => vec![format!(
            "Amendment No. {} to Registration Statement on Form S-1",
            rng.range(1, 3)
        )],
        Form::S1 => vec!["Registration Statement on Form S-1".into()],
        Form::S4 => vec!["Registration Statement on Form S-4".into()],
        Form::EightK => vec!["Form 8-K".into()],
    };
    let form_heading = subject[0].clone();
    subject.push(format!("Filed {}", filed.long()));
    subject.push(format!("File No. {file_no}"));

    let mut blocks = Vec::new();
    // Address block.
    let mut address = vec![
        addressee.clone(),
        rng.pick(TITLES).to_string(),
        company.name.clone(),
    ];
    address.extend(company.address.iter().cloned());
    blocks.push(Block::Lines(address));

    // Introduction.
    let old = year <= 2011;
    let (reviewed, respond, after) = if form.registration() {
        (
            "We have reviewed your registration statement and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to this letter by amending your registration statement and providing the requested information. If you do not believe our comments apply to your facts and circumstances or do not believe an amendment is appropriate, please tell us why in your response.",
            "After reviewing any amendment to your registration statement and the information you provide in response to these comments, we may have additional comments.",
        )
    } else if rng.chance(0.3) {
        (
            "We have limited our review of your filing to the financial statements and related disclosures and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to these comments within ten business days by providing the requested information or advise us as soon as possible when you will respond. If you do not believe our comments apply to your facts and circumstances, please tell us why in your response.",
            "After reviewing your response to these comments, we may have additional comments.",
        )
    } else {
        (
            "We have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.",
            "Please respond to this letter within ten business days by amending your filing, by providing the requested information, or by advising us when you will provide the requested response. If you do not believe our comments apply to your facts and circumstances or do not believe an amendment is appropriate, please tell us why in your response.",
            "After reviewing any amendment to your filing and the information you provide in response to these comments, we may have additional comments.",
        )
    };
    if completion {
        if rng.chance(0.5) {
            let earlier = filed.before(&mut rng);
            blocks.push(Block::Para(format!(
                "We refer you to our comment letter dated {} regarding your disclosure. We have completed our review of your filing. We remind you that our comments or changes to disclosure in response to our comments do not foreclose the Commission from taking any action with respect to the company or the filing and the company may not assert staff comments as a defense in any proceeding initiated by the Commission or any person under the federal securities laws of the United States.",
                earlier.long()
            )));
        } else {
            blocks.push(Block::Para(
                "We have completed our review of your filing. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.".into(),
            ));
        }
    } else {
        blocks.push(Block::Para(reviewed.into()));
        blocks.push(Block::Para(respond.into()));
        blocks.push(Block::Para(after.into()));

        // Comments under heading trails, in filing order.
        let sections = form.sections();
        let mut section = 0;
        let mut page = rng.range(1, 12);
        if rng.chance(0.5) {
            blocks.push(Block::Heading(form_heading.clone()));
        }
        for n in 1..=comments {
            if n == 1 && rng.chance(0.2) {
                blocks.push(Block::Heading("General".into()));
            } else if n == 1 || rng.chance(0.3) {
                section = (section + rng.below(2)).min(sections.len() - 1);
                blocks.push(Block::Heading(sections[section].to_string()));
                if rng.chance(0.8) {
                    page += rng.range(1, 12);
                    blocks.push(Block::Heading(format!("{}, page {page}", rng.pick(TOPICS))));
                }
                if rng.chance(0.15) {
                    section = (section + 1).min(sections.len() - 1);
                }
            } else if rng.chance(0.5) {
                page += rng.range(1, 9);
                blocks.push(Block::Heading(format!("{}, page {page}", rng.pick(TOPICS))));
            }
            let budget = per_comment * rng.range(60, 140) / 100;
            blocks.push(Block::Comment(
                n,
                comment_paragraphs(&mut rng, year, budget),
            ));
        }
    }

    // Closing.
    if old && !completion {
        blocks.push(Block::Para("We urge all persons who are responsible for the accuracy and adequacy of the disclosure in the filing to be certain that the filing includes the information the Securities Exchange Act of 1934 and all applicable Exchange Act rules require. Since the company and its management are in possession of all facts relating to a company's disclosure, they are responsible for the accuracy and adequacy of the disclosures they have made.".into()));
        blocks.push(Block::Para("In responding to our comments, please provide a written statement from the company acknowledging that the company is responsible for the adequacy and accuracy of the disclosure in the filing; staff comments or changes to disclosure in response to staff comments do not foreclose the Commission from taking any action with respect to the filing; and the company may not assert staff comments as a defense in any proceeding initiated by the Commission or any person under the federal securities laws of the United States.".into()));
    } else if !completion {
        blocks.push(Block::Para("We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.".into()));
    }
    let staff: Vec<String> = (0..4)
        .map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)))
        .collect();
    let phone = |rng: &mut Rng| {
        if rng.chance(0.5) {
            format!("(202) 551-{}", rng.range(3000, 4999))
        } else {
            format!("202-551-{}", rng.range(3000, 4999))
        }
    };
    if !completion {
        let (p0, p1, p2) = (phone(&mut rng), phone(&mut rng), phone(&mut rng));
        blocks.push(Block::Para(format!(
            "You may contact {} at {p0} or {} at {p1} if you have questions regarding comments on the financial statements and related matters. Please contact {} at {p2} with any other questions.",
            staff[0], staff[1], staff[2]
        )));
    }
    let office = rng.pick(OFFICES).to_string();
    let mut signature = vec!["Sincerely,".to_string(), String::new()];
    if rng.chance(0.5) {
        signature.push(format!("/s/ {}", staff[3]));
        signature.push(String::new());
        signature.push(staff[3].clone());
        signature.push(
            rng.pick(&["Branch Chief", "Special Counsel", "Staff Accountant"])
                .to_string(),
        );
        signature.push(office);
    } else {
        signature.push("Division of Corporation Finance".into());
        signature.push(office);
    }
    blocks.push(Block::Lines(signature));
    if rng.chance(0.3) {
        blocks.push(Block::Lines(vec![
            format!("cc: {} {}, Esq.", rng.pick(FIRST), rng.pick(LAST)),
            format!("{} & {} LLP", rng.pick(LAST), rng.pick(LAST)),
        ]));
    }

    let text = render(
        &mut rng,
        style,
        &blocks,
        &Header {
            date,
            company: &company.name,
            addressee: &addressee,
            honorific,
            last: &last,
            subject: &subject,
        },
    );

    let drafts = (!completion && rng.chance(0.5)).then(|| drafts_text(&mut rng, comments));
    let ext = if style == Style::Markdown && rng.chance(0.5) {
        "md"
    } else {
        "txt"
    };
    let file_name = format!("{}_{}_{index:05}.{ext}", company.slug, date.iso());
    Generated {
        text,
        file_name,
        comments,
        completion,
        drafts,
        style,
        form,
        date: date.iso(),
    }
}

/// What the top of a letter needs.
struct Header<'a> {
    date: Date,
    company: &'a str,
    addressee: &'a str,
    honorific: &'a str,
    last: &'a str,
    subject: &'a [String],
}

/// Lay the blocks out in `style`, with page-break headers about every 50 lines.
fn render(rng: &mut Rng, style: Style, blocks: &[Block], h: &Header) -> String {
    let width = match style {
        Style::Pdftotext => rng.range(86, 92),
        _ if rng.chance(0.4) => 0,
        _ => rng.range(78, 92),
    };
    let garbled = style == Style::Pdftotext && h.date.y >= 2019 && rng.chance(0.5);
    let page_len = rng.range(44, 54);
    let mut out: Vec<String> = Vec::with_capacity(400);

    // Letterhead, date, "Via E-mail".
    match style {
        Style::Pdftotext if h.date.y >= 2019 => {
            out.push("United States securities and exchange commission logo".into());
            out.push(String::new());
        }
        Style::Pdftotext => out.push(format!("Mail Stop {}", rng.range(3010, 4720))),
        _ if rng.chance(0.6) => {
            out.extend(
                [
                    "",
                    "",
                    "DIVISION OF",
                    "CORPORATION FINANCE",
                    "",
                    "UNITED STATES",
                ]
                .map(String::from),
            );
            out.push("SECURITIES AND EXCHANGE COMMISSION".into());
            out.push("WASHINGTON, D.C. 20549".into());
            out.push(String::new());
        }
        _ => {
            out.push(format!("Mail Stop {}", rng.range(3010, 4720)));
            out.push(String::new());
        }
    }
    let gap = style != Style::Pdftotext;
    out.push(h.date.long());
    if gap {
        out.push(String::new());
    }
    if (2008..=2016).contains(&h.date.y) && rng.chance(0.6) {
        out.push("Via E-mail".into());
        if gap {
            out.push(String::new());
        }
    }

    let page = std::cell::Cell::new(1usize);
    let page_header = |out: &mut Vec<String>| {
        page.set(page.get() + 1);
        let p = page.get();
        if garbled {
            let (first, last) = h.addressee.split_once(' ').unwrap_or((h.addressee, ""));
            let d = h.date;
            out.extend([
                String::new(),
                h.addressee.to_string(),
                "FirstName".into(),
                format!("LastName{first}"),
                last.to_string(),
                h.company.to_string(),
                "Comapany".into(),
                format!("Name{}", h.company),
                MONTHS[d.m - 1].to_string(),
                format!("{}, {}", d.d, d.y),
                format!("{} {},", MONTHS[d.m - 1], d.d),
                "Page".into(),
                format!("{p} {} Page {p}", d.y),
                "FirstName LastName".into(),
                String::new(),
            ]);
        } else if style == Style::Pdftotext {
            out.extend([
                String::new(),
                String::new(),
                h.addressee.to_string(),
                h.company.to_string(),
                h.date.long(),
                format!("Page {p}"),
            ]);
        } else {
            out.extend([
                String::new(),
                h.addressee.to_string(),
                h.company.to_string(),
                h.date.long(),
                format!("Page {p}"),
                String::new(),
            ]);
        }
    };
    let mut since_break = out.len();

    for (i, block) in blocks.iter().enumerate() {
        // The Re: block and salutation come after the address.
        let mut lines: Vec<String> = Vec::new();
        // Where a page break may fall inside the block (pdftotext only).
        let mut splittable = false;
        match block {
            Block::Lines(ls) => lines.extend(ls.iter().cloned()),
            Block::Para(text) => {
                lines = wrap(text, if width == 0 { 0 } else { width }, "");
                splittable = style == Style::Pdftotext;
            }
            Block::Heading(text) => {
                let text = if style == Style::Markdown && rng.chance(0.7) {
                    format!("**{text}**")
                } else {
                    text.clone()
                };
                lines.push(text);
            }
            Block::Comment(n, paragraphs) => {
                for (k, p) in paragraphs.iter().enumerate() {
                    if k > 0 && gap {
                        lines.push(String::new());
                    }
                    if k == 0 && style == Style::Pdftotext {
                        lines.push(format!("{n}."));
                        lines.push(String::new());
                        lines.extend(wrap(p, width, ""));
                    } else if k == 0 {
                        lines.extend(wrap(p, width, &format!("{n}. ")));
                    } else {
                        lines.extend(wrap(p, width, ""));
                    }
                }
                splittable = style == Style::Pdftotext;
            }
        }
        if splittable && since_break + lines.len() > page_len && lines.len() > 4 {
            // Split after a full line of text, not next to the number.
            let at = (page_len.saturating_sub(since_break)).clamp(3, lines.len() - 1);
            out.extend(lines.drain(..at));
            page_header(&mut out);
            since_break = 0;
        } else if since_break + lines.len() > page_len && i > 1 {
            page_header(&mut out);
            since_break = 0;
        }
        since_break += lines.len() + usize::from(gap);
        out.append(&mut lines);
        if gap {
            out.push(String::new());
        }
        if i == 0 {
            // After the address: Re: block and salutation.
            let mut re = Vec::new();
            match style {
                Style::Markdown if rng.chance(0.5) => {
                    re.push(format!("**Re:** **{}**", h.company));
                    re.extend(h.subject.iter().map(|s| format!("**{s}**")));
                }
                Style::Markdown => {
                    re.push(format!("**Re: {}", h.company));
                    re.extend(h.subject.iter().cloned());
                    if let Some(last) = re.last_mut() {
                        last.push_str("**");
                    }
                }
                _ if rng.chance(0.7) => {
                    re.push(format!("Re: {}", h.company));
                    re.extend(h.subject.iter().cloned());
                }
                _ => {
                    re.push("Re:".into());
                    if gap {
                        re.push(String::new());
                    }
                    re.push(h.company.to_string());
                    re.extend(h.subject.iter().cloned());
                }
            }
            out.extend(re);
            if gap {
                out.push(String::new());
            }
            out.push(format!("Dear {} {}:", h.honorific, h.last));
            if gap {
                out.push(String::new());
            }
            since_break = out.len();
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// A drafts file for a letter with `comments` comments: every comment has a table,
/// some drafted, some resolved.
pub fn drafts_text(rng: &mut Rng, comments: usize) -> String {
    let mut out = String::new();
    for n in 1..=comments {
        let status = match rng.below(10) {
            0..=3 => "open",
            4..=7 => "drafted",
            _ => "resolved",
        };
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "[comments.\"{n}\"]");
        let _ = writeln!(out, "status = \"{status}\"");
        if status == "open" {
            out.push_str("response = \"\"\n");
        } else {
            let len = rng.range(150, 1400);
            let _ = writeln!(out, "response = \"\"\"\n{}\"\"\"", response_text(rng, len));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// A folder of letters
// ---------------------------------------------------------------------------

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
