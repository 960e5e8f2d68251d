//! Spelling in `update`: the dictionary arriving, and words added to the personal list.

use crate::problem::Problem;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::editor::{SpellDictionary, Spelling};
use crate::tui::model::state::State;

impl State {
    /// The dictionary was read: check spelling with it (and the user's `personal`
    /// words). Without one nothing is underlined, and the help says how to get one.
    pub(crate) fn spelling_loaded(
        &mut self,
        dictionary: Result<SpellDictionary, Problem>,
        personal: Vec<String>,
    ) {
        match dictionary {
            Ok(dictionary) => self.spelling = Spelling::new(dictionary, personal),
            Err(why) => self.spelling = Spelling::default().with_problem(why.to_string()),
        }
    }

    /// Add the word at the editor's cursor to the personal word list.
    pub(crate) fn add_word(&mut self, fx: &mut Vec<Effect>) {
        if let Some(why) = self.spelling.problem() {
            let why = sanitize(why).into_owned();
            return self.info(format!("No spelling dictionary ({why}); see the help."));
        }
        let Some(word) = self.editor.word_at_cursor().map(str::to_owned) else {
            return self.info("No word at the cursor.");
        };
        self.spelling.add(&word);
        self.info(format!("“{}” added to your word list.", sanitize(&word)));
        fx.push(Effect::AddWord(word));
    }
}
