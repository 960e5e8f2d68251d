//! Exporting from the workspace: the prompt that picks a format, the export asked of
//! the shell, the question when the file there was edited since letterdesk wrote it,
//! and what the export reports.

use crate::config::Command;
use crate::export::{Format, WhenEdited};
use crate::letter::Kind;
use crate::problem::Problem;
use crate::review::Standing;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::{LetterId, Pane};
use crate::tui::model::names::file_name;
use crate::tui::model::question::{Answer, Choice, Question};
use crate::tui::model::state::State;

/// Open the export prompt for the letter under the cursor (Letters) or the open one.
pub(super) fn open_export(state: &mut State) {
    let id = if state.focus == Pane::Letters {
        state.order.get(state.cursor).copied()
    } else {
        state.open.as_ref().map(|o| o.id)
    };
    let Some(id) = id else {
        return state.info("No letter to export.");
    };
    let entry = &state.entries[id.0];
    if let Err(error) = &entry.listing {
        let name = file_name(&entry.path);
        let error = format!("Cannot export {name}: {}", error.message);
        return state.error(error);
    }
    if entry
        .listing
        .as_ref()
        .is_ok_and(|l| l.brief.kind == Kind::Response)
    {
        let name = file_name(&entry.path);
        return state.info(format!(
            "{name} is a company's response: the response letter is exported from the staff \
             letter it answers."
        ));
    }
    state.dialogs.exporting = Some((id, Format::Markdown));
}

/// The export prompt's keys: pick a format (at once, or highlighted then Enter), or cancel.
pub(super) fn export_prompt(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some((id, highlighted)) = state.dialogs.exporting else {
        return;
    };
    let at = Format::ALL
        .iter()
        .position(|&f| f == highlighted)
        .unwrap_or(0);
    let format = match command {
        Command::Up => {
            state.dialogs.exporting = Some((id, Format::ALL[at.saturating_sub(1)]));
            return;
        }
        Command::Down => {
            state.dialogs.exporting = Some((id, Format::ALL[(at + 1).min(Format::ALL.len() - 1)]));
            return;
        }
        Command::Later => {
            state.dialogs.exporting = None;
            return state.info("Export cancelled.");
        }
        Command::ExportAs(format) => format,
        _ => highlighted,
    };
    state.dialogs.exporting = None;
    export(state, id, format, WhenEdited::Refuse, fx);
}

/// Export letter `id` in `format` with the drafts as they are on screen (unsaved
/// edits included), doing `when_edited` with a file edited since it was exported.
pub(super) fn export(
    state: &mut State,
    id: LetterId,
    format: Format,
    when_edited: WhenEdited,
    fx: &mut Vec<Effect>,
) {
    let Some(entry) = state.entries.get(id.0) else {
        return;
    };
    fx.push(Effect::Export {
        letter: id,
        path: entry.path.clone(),
        text: entry.letter.clone(),
        drafts: entry
            .slot
            .loaded
            .then(|| Box::new(entry.slot.drafts.clone())),
        standing: Standing {
            replied: entry.responded,
            extended: entry.extended.clone(),
        },
        format,
        when_edited,
    });
    let name = file_name(&entry.path);
    state.info(format!("Exporting {name} as {}…", format.name()));
}

/// The export's file was edited since letterdesk wrote it, and nothing was written:
/// ask whether to overwrite it (yes), write beside it as `beside` (no), or neither
/// (Esc).
pub(super) fn ask_overwrite(
    state: &mut State,
    letter: LetterId,
    format: Format,
    path: &std::path::Path,
    beside: &std::path::Path,
) {
    let (name, beside_name) = (
        sanitize(&file_name(path)).replace('\n', " "),
        sanitize(&file_name(beside)).replace('\n', " "),
    );
    state.error(format!(
        "Not exported: {name} was edited since letterdesk wrote it."
    ));
    let choice = |command, label: String, when_edited| Choice {
        command,
        label,
        answer: Answer::Export {
            letter,
            format,
            when_edited,
        },
    };
    let question = Question {
        title: "Export edited since".to_owned(),
        lines: vec![
            format!(
                "{name} was edited since letterdesk wrote it (a redline, a comment added in \
                 Word). Nothing has been written over it."
            ),
            format!("Overwrite it, or write the new export beside it as {beside_name}?"),
        ],
        choices: vec![
            choice(
                Command::Yes,
                format!("overwrite {name}: its edits are lost"),
                WhenEdited::Overwrite,
            ),
            choice(
                Command::No,
                format!("new name: write {beside_name}"),
                WhenEdited::NewName,
            ),
        ],
        later: "cancel: write nothing",
    };
    if !state.dialogs.questions.contains(&question) {
        state.dialogs.questions.push_back(question);
    }
}

/// An export finished: the file written and what the export noticed, or the error.
pub(super) fn exported(
    state: &mut State,
    result: Result<(std::path::PathBuf, Vec<String>), Problem>,
) {
    match result {
        Ok((path, notices)) => {
            let shown = sanitize(&path.display().to_string()).replace('\n', " ");
            let mut text = format!("Exported to {shown}.");
            for notice in notices {
                text.push(' ');
                text.push_str(&notice.replace('\n', " "));
                text.push('.');
            }
            state.info(text);
        }
        Err(error) => state.error(format!("Not exported: {}", sanitize(&error.to_string()))),
    }
}
