//! A draft handed to the user's own editor (`$VISUAL`/`$EDITOR`) and taken back.

use crate::config::{Command, Context};
use crate::problem::Problem;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::LetterId;
use crate::tui::model::state::State;

impl State {
    /// Ask the runtime to open the selected comment's draft in the user's editor.
    pub(crate) fn external_edit(&mut self, fx: &mut Vec<Effect>) {
        let Some(number) = self.selected_comment().map(|c| c.number.clone()) else {
            self.info("No comment selected.");
            return;
        };
        let Some(open) = self
            .open
            .as_ref()
            .filter(|o| self.entries[o.id.0].slot.loaded)
        else {
            return;
        };
        let letter = open.id;
        let text = self.editor_text();
        fx.push(Effect::EditOutside {
            letter,
            number,
            text,
        });
    }

    /// The user's editor is done with the draft of comment `number` of `letter`: its
    /// text (`None`: left as it was), or why nothing changed. The new text is an edit
    /// like any other (one undo step; a change made to the drafts file meanwhile meets
    /// it as a conflict when the file is read again).
    pub(crate) fn edited_outside(
        &mut self,
        letter: LetterId,
        number: &str,
        result: Result<Option<String>, Problem>,
    ) {
        let shown = sanitize(number).into_owned();
        let text = match result {
            Err(why) => return self.error(sanitize(&why.to_string()).into_owned()),
            Ok(None) => return self.info(format!("Comment {shown}: the draft is unchanged.")),
            Ok(Some(text)) => text,
        };
        let selected = self.open.as_ref().is_some_and(|o| o.id == letter)
            && self.selected_comment().is_some_and(|c| c.number == number);
        if !selected {
            return self.error(format!(
                "Comment {shown} is no longer selected; the text from the editor is not used."
            ));
        }
        self.editor.select_all();
        if self.editor.insert_str(&text) {
            self.draft_changed();
        }
        let key = self.key_for(Context::Draft, Command::Undo);
        self.info(format!(
            "Comment {shown}: the draft now holds the text from the editor ({key} in the editor undoes it)."
        ));
    }
}
