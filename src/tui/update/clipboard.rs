//! Cut, copy and paste: the register inside the program, and the system clipboard the
//! runtime sets through the terminal (OSC 52) when the config allows it.

use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::state::State;

impl State {
    /// Keep `text` for pasting, and hand it to the system clipboard.
    pub(crate) fn copy(&mut self, text: String, fx: &mut Vec<Effect>) {
        if self.config.editing.osc52 {
            fx.push(Effect::Clipboard(text.clone()));
        }
        self.register = text;
    }

    /// Copy the selected comment's text, or (`response`) its draft response, from the
    /// Comments pane; in a company's response letter, the answer it gives.
    pub(crate) fn copy_comment(&mut self, response: bool, fx: &mut Vec<Effect>) {
        let Some(comment) = self.selected_comment() else {
            self.info("No comment selected.");
            return;
        };
        let number = sanitize(&comment.number).into_owned();
        let text = if response && self.reading_response() {
            self.selected_filed_answer()
                .map(|(_, text)| text.to_owned())
                .unwrap_or_default()
        } else if response {
            self.draft(&comment.number)
                .map(|d| d.response.clone())
                .unwrap_or_default()
        } else {
            comment.text.clone()
        };
        if text.trim().is_empty() {
            self.info(format!("Comment {number} has no response to copy."));
            return;
        }
        let what = if response { "response" } else { "text" };
        let chars = text.chars().count();
        self.copy(text, fx);
        self.info(format!(
            "Copied the {what} of comment {number} ({chars} characters)."
        ));
    }
}
