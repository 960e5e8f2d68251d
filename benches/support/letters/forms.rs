//! The forms letters are about, and their heading trails.

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

    pub(crate) fn registration(self) -> bool {
        matches!(self, Form::S1 | Form::S4)
    }

    /// Sections of the filing, in filing order.
    pub(crate) fn sections(self) -> &'static [&'static str] {
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

pub(crate) const TOPICS: &[&str] = &[
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
