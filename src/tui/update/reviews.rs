//! Reviews in the workspace: the grouping asked of the worker and taken in, the review
//! tree of the Letters pane, references followed, the reader view and the answers
//! filed taken into the drafts.

use std::sync::Arc;

use crate::config::{Command, Context};
use crate::review::Review;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::Pane;
use crate::tui::model::reviews::{Followed, TreeRow};
use crate::tui::model::state::State;

/// Run `command` when it is the reviews' (the tree's keys while it shows, a reference
/// followed and closed, the reader view, the import); returns whether it was.
pub(super) fn run(state: &mut State, command: Command, fx: &mut Vec<Effect>) -> bool {
    let moves = command.scrolls();
    let letters = state.focus == Pane::Letters;
    let comments = state.focus == Pane::Comments;
    match command {
        _ if moves && letters && state.reviews.tree => move_tree(state, command),
        Command::Open if letters && state.reviews.tree => open_from_tree(state, fx),
        Command::ReviewTree => toggle_tree(state),
        Command::Fold => fold(state),
        Command::FollowReference if comments => follow(state),
        Command::Reader if comments => toggle_reader(state),
        Command::ImportFiled if comments => import_filed(state, fx),
        // Back from a reference followed to where it was followed from.
        Command::Leave if comments && state.reviews.followed.is_some() => {
            state.reviews.followed = None
        }
        _ => {
            // Another comment selected: the reference shown was the last one's.
            if moves && comments {
                state.reviews.followed = None;
            }
            return false;
        }
    }
    true
}

/// Ask the worker to group the listed letters into reviews (once the folder walk is
/// done, and again when a letter changes; a build asked for during one follows it).
pub(super) fn request(state: &mut State, fx: &mut Vec<Effect>) {
    if !state.index.finished {
        return;
    }
    if state.reviews.building {
        state.reviews.again = true;
        return;
    }
    // Every letter listed or not: a filter of the Letters pane hides letters, not the
    // responses that answer them.
    let paths = state
        .entries
        .iter()
        .filter(|e| e.listing.is_ok())
        .map(|e| e.path.clone())
        .collect();
    state.reviews.building = true;
    fx.push(Effect::BuildReviews(paths));
}

/// The worker grouped the letters.
pub(super) fn built(state: &mut State, reviews: Arc<Vec<Review>>, fx: &mut Vec<Effect>) {
    mark_responded(state, &reviews);
    state.reviews.set(reviews);
    state.reviews.building = false;
    state.reviews.followed = None;
    let rows = state.tree_rows().len();
    state.reviews.cursor = state.reviews.cursor.min(rows.saturating_sub(1));
    if std::mem::take(&mut state.reviews.again) {
        request(state, fx);
    }
}

/// Note which letters have a response (or the staff's closing letter) filed after them
/// in their review, so that they are no longer due, and the staff letters after which
/// the company asked for more time, now due when it said; the list is sorted again when
/// that changed.
fn mark_responded(state: &mut State, reviews: &[Review]) {
    let mut responded = vec![false; state.entries.len()];
    let mut extended = vec![None; state.entries.len()];
    for review in reviews {
        for (filed, standing) in review.letters.iter().zip(review.standings()) {
            let Some(id) = state.by_path.get(&filed.path) else {
                continue;
            };
            responded[id.0] |= standing.replied;
            extended[id.0] = standing.extended.or(extended[id.0].take());
        }
    }
    let mut changed = false;
    for ((entry, responded), extended) in state.entries.iter_mut().zip(responded).zip(extended) {
        changed |= entry.responded != responded || entry.extended != extended;
        entry.responded = responded;
        entry.extended = extended;
    }
    if changed {
        state.rebuild_order();
    }
}

/// Show the tree of reviews in the Letters pane, or the flat list again. The tree's
/// cursor starts on the letter under the list's.
fn toggle_tree(state: &mut State) {
    state.reviews.tree = !state.reviews.tree;
    if !state.reviews.tree {
        return;
    }
    if state.reviews.built.is_none() {
        return state.info("Grouping the letters into reviews…");
    }
    let path = state
        .order
        .get(state.cursor)
        .map(|id| &state.entries[id.0].path);
    let rows = state.tree_rows();
    let at = path
        .and_then(|p| state.reviews.of_letter(p))
        .and_then(|(r, l)| {
            rows.iter()
                .position(|&row| row == TreeRow::Letter(r, l))
                .or_else(|| rows.iter().position(|&row| row == TreeRow::Review(r)))
        });
    state.reviews.cursor = at.unwrap_or(0);
}

/// Fold or unfold the review under the tree's cursor; the cursor goes to its row.
fn fold(state: &mut State) {
    if !state.reviews.tree {
        let key = state.key_for(Context::Letters, Command::ReviewTree);
        return state.info(format!("Press {key} for the reviews as a tree first."));
    }
    let rows = state.tree_rows();
    let r = match rows.get(state.reviews.cursor) {
        Some(TreeRow::Review(r) | TreeRow::Letter(r, _)) => *r,
        None => return,
    };
    let reviews = &mut state.reviews;
    let Some(first) = reviews.list()[r].letters.first().map(|f| f.path.clone()) else {
        return;
    };
    if !reviews.folded.remove(&first) {
        reviews.folded.insert(first);
    }
    state.reviews.cursor = state
        .tree_rows()
        .iter()
        .position(|&row| row == TreeRow::Review(r))
        .unwrap_or(0);
}

/// Move the tree's cursor, keeping it on screen.
fn move_tree(state: &mut State, command: Command) {
    let count = state.tree_rows().len();
    if count == 0 {
        return;
    }
    let height = state.pane_height(Pane::Letters);
    let page = height.max(1);
    let reviews = &mut state.reviews;
    reviews.cursor =
        super::letters::list_step(reviews.cursor, count, page, (page / 2).max(1), command);
    // Before the first frame the pane has no height: the view places the cursor then.
    if height == 0 {
        return;
    }
    if reviews.cursor < reviews.scroll {
        reviews.scroll = reviews.cursor;
    } else if reviews.cursor >= reviews.scroll + height {
        reviews.scroll = reviews.cursor + 1 - height;
    }
}

/// Open the letter under the tree's cursor (on a review's row: fold or unfold it).
fn open_from_tree(state: &mut State, fx: &mut Vec<Effect>) {
    let rows = state.tree_rows();
    let (r, l) = match rows.get(state.reviews.cursor) {
        Some(&TreeRow::Letter(r, l)) => (r, l),
        Some(TreeRow::Review(_)) => return fold(state),
        None => return,
    };
    let path = &state.reviews.list()[r].letters[l].path;
    let Some(&id) = state.by_path.get(path) else {
        return state.error("That letter is no longer listed.");
    };
    if let Some(at) = state.order.iter().position(|&o| o == id) {
        state.cursor = at;
        state.cursor_moved = true;
        super::letters::open_letter(state, fx);
    }
}

/// Show the comment a reference of the selected comment cites, with its answer; when
/// one is shown already, the next reference of the same comment.
fn follow(state: &mut State) {
    let (Some(open), Some(comment)) = (&state.open, state.selected_comment()) else {
        return state.info("No comment selected.");
    };
    let path = &state.entries[open.id.0].path;
    let number = comment.number.clone();
    let Some((review, links)) = state.reviews.links_from(path, &number) else {
        let why = if state.reviews.built.is_none() {
            "the letters are still being grouped into reviews".to_string()
        } else {
            format!("comment {} cites no earlier comment", sanitize(&number))
        };
        return state.info(format!("No reference to follow: {why}."));
    };
    let shown = match &state.reviews.followed {
        Some(f) if f.links == links => (f.shown + 1) % links.len(),
        _ => 0,
    };
    state.reviews.followed = Some(Followed {
        review,
        links,
        shown,
    });
}

/// Show the whole letter as written in the Comments pane, or its comments again.
fn toggle_reader(state: &mut State) {
    if state.open.is_none() {
        return state.info("Open a letter first.");
    }
    state.reviews.reader = !state.reviews.reader;
}

/// Fill the open letter's empty drafts with the answers its review's response letter
/// filed. A draft that says something else is never overwritten: it is named.
fn import_filed(state: &mut State, fx: &mut Vec<Effect>) {
    let (Some(open), Some(letter)) = (&state.open, state.open_letter()) else {
        return state.info("Open a staff letter first.");
    };
    let id = open.id;
    let entry = &state.entries[id.0];
    if !entry.slot.loaded {
        return state.info("The drafts are still being read.");
    }
    let mut filled = Vec::new();
    let mut differ = Vec::new();
    for comment in &letter.comments {
        let Some((_, answer)) = state.reviews.filed_answer(&entry.path, &comment.number) else {
            continue;
        };
        let draft = entry.slot.drafts.get(&comment.number);
        match draft.map(|d| d.response.trim()) {
            None | Some("") => filled.push((comment.number.clone(), answer.to_string())),
            Some(text) if text == answer.trim() => {}
            Some(_) => differ.push(sanitize(&comment.number).into_owned()),
        }
    }
    if filled.is_empty() && differ.is_empty() {
        return state.info("No answers filed for this letter's comments in the folder.");
    }
    let count = filled.len();
    for (number, answer) in filled {
        state.entries[id.0]
            .slot
            .drafts
            .set_response(&number, answer);
    }
    if count > 0 {
        state.mark_edit();
        state.load_editor();
        state.save_if_dirty(id, fx);
    }
    let mut message = format!("{count} empty draft(s) filled with the answers filed.");
    if !differ.is_empty() {
        message.push_str(&format!(
            " Left as they are (they differ from the answer filed): comment(s) {}.",
            differ.join(", ")
        ));
        return state.error(message);
    }
    state.info(message);
}
