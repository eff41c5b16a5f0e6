//! Flags, hiding and restoring, and moderators' edits.

use confide_core::moderation::{
    Flag, FlagDraft, FlagReason, Flagged, QuestionEdit, Resolution, Target, FORGOTTEN_TEXT,
};
use confide_core::{markdown, AnswerId, QuestionId, ReplyBody, ReplyId, Timestamp};
use sqlx::{Row, Transaction};

use super::dialect::{q, Backend, Conn, Db};
use super::{log_audit, log_change};
use crate::{QuestionRevision, Result, StoreError};

/// The table a target lives in, and how to find its question from a row of it.
fn table(target: Target) -> (&'static str, &'static str) {
    match target {
        Target::Question(_) => ("questions", "id"),
        Target::Answer(_) => ("answers", "question_id"),
        Target::Reply(_) => ("replies", "question_id"),
    }
}

fn target_from(kind: &str, id: i64) -> Result<Target> {
    Target::parse(kind, id)
        .map_err(|_| StoreError::Corrupt(format!("unknown flag target {kind:?}")))
}

/// The target's question, its text and why it is hidden; `None` if it is gone.
async fn describe(
    conn: &mut Conn,
    target: Target,
) -> Result<Option<(QuestionId, String, String, Option<String>)>> {
    let (table, question) = table(target);
    let text = if matches!(target, Target::Question(_)) {
        "title || char(10) || char(10) || body"
    } else {
        "body"
    };
    let row = sqlx::query(&q(&format!(
        "SELECT t.{question} AS question_id, {text} AS text, t.hidden_reason,
                (SELECT title FROM questions q WHERE q.id = t.{question}) AS title
         FROM {table} t WHERE t.id = ?"
    )))
    .bind(target.id())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        Ok((
            QuestionId(r.try_get("question_id")?),
            r.try_get::<Option<String>, _>("title")?.unwrap_or_default(),
            r.try_get("text")?,
            r.try_get("hidden_reason")?,
        ))
    })
    .transpose()
}

async fn close_flags(
    tx: &mut Transaction<'_, Db>,
    target: Target,
    resolution: &str,
    actor: &str,
    at: Timestamp,
) -> Result<()> {
    sqlx::query(&q(
        "UPDATE flags SET resolution = ?, resolved_by = ?, resolved_at = ?
         WHERE target = ? AND target_id = ? AND resolution IS NULL",
    ))
    .bind(resolution)
    .bind(actor)
    .bind(at.millis())
    .bind(target.kind())
    .bind(target.id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Backend {
    pub(super) async fn insert_flag(&self, flag: &FlagDraft) -> Result<i64> {
        let mut tx = self.writer.begin().await?;
        let (table, question) = table(flag.target);
        let question_id: Option<i64> =
            sqlx::query_scalar(&q(&format!("SELECT {question} FROM {table} WHERE id = ?")))
                .bind(flag.target.id())
                .fetch_optional(&mut *tx)
                .await?;
        let Some(question_id) = question_id else {
            return Err(StoreError::NotFound);
        };
        let id: i64 = sqlx::query_scalar(&q(
            "INSERT INTO flags (question_id, target, target_id, reason, note, created_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        ))
        .bind(question_id)
        .bind(flag.target.kind())
        .bind(flag.target.id())
        .bind(flag.reason.as_str())
        .bind(&flag.note)
        .bind(flag.at.millis())
        .fetch_one(&mut *tx)
        .await?;
        // No question id: a flag changes nothing the projections show.
        log_change(&mut tx, None, "flag", id, "created", flag.at).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub(super) async fn open_flags(&self, limit: u32) -> Result<Vec<Flagged>> {
        let mut conn = self.reader.acquire().await?;
        let rows = sqlx::query(&q(
            "SELECT id, question_id, target, target_id, reason, note, created_at FROM flags
             WHERE resolution IS NULL ORDER BY created_at, id LIMIT 2000",
        ))
        .fetch_all(&mut *conn)
        .await?;
        let mut out: Vec<Flagged> = Vec::new();
        for row in &rows {
            let target = target_from(row.try_get("target")?, row.try_get("target_id")?)?;
            let reason: String = row.try_get("reason")?;
            let flag = Flag {
                id: row.try_get("id")?,
                target,
                question_id: QuestionId(row.try_get("question_id")?),
                reason: FlagReason::parse(&reason)
                    .map_err(|_| StoreError::Corrupt(format!("unknown flag reason {reason:?}")))?,
                note: row.try_get("note")?,
                created_at: Timestamp(row.try_get("created_at")?),
            };
            if let Some(item) = out.iter_mut().find(|f| f.target == target) {
                item.flags.push(flag);
                continue;
            }
            if out.len() >= limit as usize {
                continue;
            }
            let Some((question_id, question_title, text, hidden)) =
                describe(&mut conn, target).await?
            else {
                continue;
            };
            out.push(Flagged {
                target,
                question_id,
                question_title,
                text,
                hidden,
                flags: vec![flag],
            });
        }
        Ok(out)
    }

    pub(super) async fn hidden_content(&self, limit: u32) -> Result<Vec<Flagged>> {
        let mut conn = self.reader.acquire().await?;
        let targets: Vec<(String, i64)> = sqlx::query_as(&q(
            "SELECT 'question', id FROM questions WHERE hidden_reason IS NOT NULL
             UNION ALL SELECT 'answer', id FROM answers WHERE hidden_reason IS NOT NULL
             UNION ALL SELECT 'reply', id FROM replies WHERE hidden_reason IS NOT NULL
             LIMIT ?",
        ))
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(&mut *conn)
        .await?;
        let mut out = Vec::with_capacity(targets.len());
        for (kind, id) in targets {
            let target = target_from(&kind, id)?;
            if let Some((question_id, question_title, text, hidden)) =
                describe(&mut conn, target).await?
            {
                out.push(Flagged {
                    target,
                    question_id,
                    question_title,
                    text,
                    hidden,
                    flags: Vec::new(),
                });
            }
        }
        Ok(out)
    }

    pub(super) async fn apply_resolution(
        &self,
        target: Target,
        resolution: &Resolution,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let (table, question) = table(target);
        // The question's row first, as erasure takes it: two transactions
        // taking the same rows in the same order cannot deadlock.
        sqlx::query(&q(&format!(
            "UPDATE questions SET answer_count = answer_count WHERE id = (SELECT {question} FROM {table} WHERE id = ?)"
        )))
        .bind(target.id())
        .execute(&mut *tx)
        .await?;
        let question_id: Option<i64> = match resolution {
            Resolution::Hide { reason } => {
                sqlx::query_scalar(&q(&format!(
                    "UPDATE {table} SET hidden_reason = ? WHERE id = ? AND hidden_reason IS NULL
                 RETURNING {question}"
                )))
                .bind(reason)
                .bind(target.id())
                .fetch_optional(&mut *tx)
                .await?
            }
            Resolution::Restore => {
                sqlx::query_scalar(&q(&format!(
                "UPDATE {table} SET hidden_reason = NULL WHERE id = ? AND hidden_reason IS NOT NULL
                 RETURNING {question}"
            )))
                .bind(target.id())
                .fetch_optional(&mut *tx)
                .await?
            }
            Resolution::Dismiss => {
                sqlx::query_scalar(&q(&format!("SELECT {question} FROM {table} WHERE id = ?")))
                    .bind(target.id())
                    .fetch_optional(&mut *tx)
                    .await?
            }
        };
        let Some(question_id) = question_id else {
            let exists: bool = sqlx::query_scalar(&q(&format!(
                "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?)"
            )))
            .bind(target.id())
            .fetch_one(&mut *tx)
            .await?;
            return Err(match (exists, resolution) {
                (false, _) => StoreError::NotFound,
                (true, Resolution::Hide { .. }) => StoreError::Conflict("already hidden"),
                (true, _) => StoreError::Conflict("not hidden"),
            });
        };
        // The queue of unanswered questions counts the answers people can see.
        if let Target::Answer(_) = target {
            let delta = match resolution {
                Resolution::Hide { .. } => -1,
                Resolution::Restore => 1,
                Resolution::Dismiss => 0,
            };
            sqlx::query(&q(
                "UPDATE questions SET answer_count = answer_count + ? WHERE id = ?",
            ))
            .bind(delta)
            .bind(question_id)
            .execute(&mut *tx)
            .await?;
        }
        close_flags(&mut tx, target, resolution.as_str(), actor, at).await?;
        if !matches!(resolution, Resolution::Dismiss) {
            log_change(
                &mut tx,
                Some(QuestionId(question_id)),
                target.kind(),
                target.id(),
                resolution.as_str(),
                at,
            )
            .await?;
        }
        log_audit(
            &mut tx,
            actor,
            &format!("moderation.{}", resolution.as_str()),
            &target.label(),
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn apply_question_edit(&self, edit: &QuestionEdit, actor: &str) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let id = edit.question_id.0;
        // A no-op update that takes the row lock, so two moderators' edits
        // number their revisions one after the other.
        let original = sqlx::query(&q(
            "UPDATE questions SET title = title WHERE id = ? RETURNING title, body, created_at",
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(original) = original else {
            return Err(StoreError::NotFound);
        };
        let versions: i64 = sqlx::query_scalar(&q(
            "SELECT count(*) FROM question_revisions WHERE question_id = ?",
        ))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if versions == 0 {
            // The asker's wording becomes version 1 on the first edit.
            sqlx::query(
                &q("INSERT INTO question_revisions (question_id, number, title, body, editor_id, reason, created_at)
                 VALUES (?, 1, ?, ?, NULL, 'First version', ?)"),
            )
            .bind(id)
            .bind(original.try_get::<String, _>("title")?)
            .bind(original.try_get::<String, _>("body")?)
            .bind(original.try_get::<i64, _>("created_at")?)
            .execute(&mut *tx)
            .await?;
        }
        if edit.forget_earlier {
            sqlx::query(&q(
                "UPDATE question_revisions SET title = ?1, body = ?1 WHERE question_id = ?2",
            ))
            .bind(FORGOTTEN_TEXT)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            &q("INSERT INTO question_revisions (question_id, number, title, body, editor_id, reason, created_at)
             SELECT ?1, MAX(number) + 1, ?2, ?3, ?4, ?5, ?6 FROM question_revisions WHERE question_id = ?1"),
        )
        .bind(id)
        .bind(edit.title.as_str())
        .bind(edit.body.as_str())
        .bind(edit.editor.0)
        .bind(&edit.reason)
        .bind(edit.at.millis())
        .execute(&mut *tx)
        .await?;
        sqlx::query(&q(
            "UPDATE questions SET title = ?, body = ?, body_html = ? WHERE id = ?",
        ))
        .bind(edit.title.as_str())
        .bind(edit.body.as_str())
        .bind(&edit.body_html)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let target = Target::Question(edit.question_id);
        close_flags(&mut tx, target, "edited", actor, edit.at).await?;
        log_change(
            &mut tx,
            Some(edit.question_id),
            "question",
            id,
            "edited",
            edit.at,
        )
        .await?;
        log_audit(&mut tx, actor, "moderation.edit", &target.label(), edit.at).await?;
        tx.commit().await?;
        if edit.forget_earlier {
            self.fold_wal().await;
        }
        Ok(())
    }

    pub(super) async fn forget_earlier_answers(
        &self,
        id: AnswerId,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let question: Option<i64> =
            sqlx::query_scalar(&q("SELECT question_id FROM answers WHERE id = ?"))
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(question) = question else {
            return Err(StoreError::NotFound);
        };
        sqlx::query(&q(
            "UPDATE answer_revisions SET body = ?1
             WHERE answer_id = ?2
               AND number < (SELECT MAX(number) FROM answer_revisions WHERE answer_id = ?2)",
        ))
        .bind(FORGOTTEN_TEXT)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        log_change(
            &mut tx,
            Some(QuestionId(question)),
            "answer",
            id.0,
            "edited",
            at,
        )
        .await?;
        log_audit(
            &mut tx,
            actor,
            "moderation.forget_history",
            &Target::Answer(id).label(),
            at,
        )
        .await?;
        tx.commit().await?;
        self.fold_wal().await;
        Ok(())
    }

    pub(super) async fn list_question_revisions(
        &self,
        id: QuestionId,
    ) -> Result<Vec<QuestionRevision>> {
        sqlx::query(&q(
            "SELECT number, title, body, display_name, reason, r.created_at
             FROM question_revisions r LEFT JOIN accounts ON accounts.id = r.editor_id
             WHERE question_id = ? ORDER BY number",
        ))
        .bind(id.0)
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(QuestionRevision {
                number: row.try_get("number")?,
                title: row.try_get("title")?,
                body: row.try_get("body")?,
                editor: row.try_get("display_name")?,
                reason: row.try_get("reason")?,
                created_at: Timestamp(row.try_get("created_at")?),
            })
        })
        .collect()
    }

    pub(super) async fn apply_reply_edit(
        &self,
        id: ReplyId,
        body: &ReplyBody,
        reason: &str,
        actor: &str,
        at: Timestamp,
    ) -> Result<QuestionId> {
        let mut tx = self.writer.begin().await?;
        let question: Option<i64> = sqlx::query_scalar(&q(
            "UPDATE replies SET body = ?, body_html = ?, moderator_note = ? WHERE id = ?
             RETURNING question_id",
        ))
        .bind(body.as_str())
        .bind(markdown::render(body.as_str()))
        .bind(reason)
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(question) = question else {
            return Err(StoreError::NotFound);
        };
        let target = Target::Reply(id);
        close_flags(&mut tx, target, "edited", actor, at).await?;
        log_change(
            &mut tx,
            Some(QuestionId(question)),
            "reply",
            id.0,
            "edited",
            at,
        )
        .await?;
        log_audit(&mut tx, actor, "moderation.edit", &target.label(), at).await?;
        tx.commit().await?;
        self.fold_wal().await;
        Ok(QuestionId(question))
    }

    pub(super) async fn close_edited_flags(
        &self,
        target: Target,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        close_flags(&mut tx, target, "edited", actor, at).await?;
        log_audit(&mut tx, actor, "moderation.edit", &target.label(), at).await?;
        tx.commit().await?;
        Ok(())
    }
}
