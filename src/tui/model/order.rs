//! The Letters pane's order and filter: sorted by the response due first, by date or by
//! company, and narrowed to the letters whose company, form, file number or file name
//! contain what was typed after `/`.

/// How the Letters pane sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// The response due first; letters awaiting none after them, newest first.
    Due,
    /// Newest first.
    Date,
    /// By company, then newest first.
    Company,
}

impl Sort {
    /// The order after this one (the sort key cycles).
    pub fn next(self) -> Sort {
        match self {
            Sort::Due => Sort::Date,
            Sort::Date => Sort::Company,
            Sort::Company => Sort::Due,
        }
    }

    /// Its name, as `:sort` takes it.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Due => "due",
            Sort::Date => "date",
            Sort::Company => "company",
        }
    }
}

/// What the Letters pane lists, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// The order chosen; `None`: by due date once a letter awaits a response, else by date.
    pub chosen: Option<Sort>,
    /// A letter awaiting a response has been listed (the automatic order is by due date).
    pub awaiting: bool,
    /// The filter typed after `/` (empty: every letter).
    pub query: String,
}

impl ListView {
    /// The order in effect.
    pub fn sort(&self) -> Sort {
        self.chosen
            .unwrap_or(if self.awaiting { Sort::Due } else { Sort::Date })
    }
}
