//! What a viewer may act on: one place that says whether a question, or an
//! answer, is there for them. Every handler that writes to a thread asks
//! here first, so hidden and private content is out of reach everywhere.

use confide_core::{Answer, AnswerId, QuestionId, Thread, Viewer};

use crate::{AppState, Error};

/// The thread, if `viewer` may see its question; otherwise `NotFound`, as
/// if it did not exist.
pub(crate) async fn visible_thread(
    state: &AppState,
    viewer: &Viewer,
    id: QuestionId,
) -> Result<Thread, Error> {
    let thread = state.store.thread(id).await?.ok_or(Error::NotFound)?;
    if viewer.may_see(&thread.question) {
        Ok(thread)
    } else {
        Err(Error::NotFound)
    }
}

/// An answer and its thread, if `viewer` may see both: a hidden answer is
/// there for moderators only.
pub(crate) async fn visible_answer(
    state: &AppState,
    viewer: &Viewer,
    id: AnswerId,
) -> Result<(Answer, Thread), Error> {
    let answer = state.store.answer(id).await?.ok_or(Error::NotFound)?;
    let thread = visible_thread(state, viewer, answer.question_id).await?;
    if answer.hidden.is_some() && !viewer.moderates() {
        return Err(Error::NotFound);
    }
    Ok((answer, thread))
}
