//! Experts' email settings, the arrivals to tell them about, and the
//! shared cursor that lets exactly one node send each digest.

use confide_core::notification::{Arrival, EmailAddress, Subscription};
use confide_core::{AccountId, Timestamp, Topic};
use sqlx::Row;

use super::dialect::{q, Backend};
use super::log_change;
use crate::{Result, StoreError};

fn topics_to_text(topics: &[Topic]) -> String {
    topics
        .iter()
        .map(|t| t.slug())
        .collect::<Vec<_>>()
        .join(",")
}

fn topics_from_text(s: &str) -> Vec<Topic> {
    s.split(',').filter_map(|t| Topic::parse(t).ok()).collect()
}

impl Backend {
    pub(super) async fn save_notifications(
        &self,
        account: AccountId,
        email: Option<&EmailAddress>,
        topics: &[Topic],
        lang: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let changed = sqlx::query(&q(
            "UPDATE accounts SET notify_email = ?, notify_topics = ?, notify_lang = ? WHERE id = ?",
        ))
        .bind(email.map(EmailAddress::as_str))
        .bind(topics_to_text(topics))
        .bind(lang)
        .bind(account.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        log_change(&mut tx, None, "account", account.0, "notifications", at).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn load_notifications(
        &self,
        account: AccountId,
    ) -> Result<(Option<String>, Vec<Topic>)> {
        let row = sqlx::query(&q(
            "SELECT notify_email, notify_topics FROM accounts WHERE id = ?",
        ))
        .bind(account.0)
        .fetch_optional(&self.reader)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok((
            row.try_get("notify_email")?,
            topics_from_text(row.try_get("notify_topics")?),
        ))
    }

    pub(super) async fn list_subscriptions(&self) -> Result<Vec<Subscription>> {
        // Only people who may answer today: verified and enabled.
        sqlx::query(&q(
            "SELECT id, notify_email, notify_topics, notify_lang FROM accounts
             WHERE notify_email IS NOT NULL AND notify_topics <> ''
               AND verified_at IS NOT NULL AND disabled = FALSE
             ORDER BY id",
        ))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            Ok(Subscription {
                account: AccountId(row.try_get("id")?),
                email: row.try_get("notify_email")?,
                topics: topics_from_text(row.try_get("notify_topics")?),
                lang: row.try_get("notify_lang")?,
            })
        })
        .collect()
    }

    pub(super) async fn list_arrivals(&self, after: i64, upto: i64) -> Result<Vec<Arrival>> {
        // Questions erased meanwhile are gone from the join: nobody is told.
        sqlx::query(&q(
            "SELECT q.topic, q.urgency FROM changes c JOIN questions q ON q.id = c.entity_id
             WHERE c.seq > ? AND c.seq <= ? AND c.entity = 'question' AND c.op = 'created'
               AND q.hidden_reason IS NULL
             ORDER BY c.seq",
        ))
        .bind(after)
        .bind(upto)
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            let topic: String = row.try_get("topic")?;
            Ok(Arrival {
                topic: Topic::parse(&topic)
                    .map_err(|_| StoreError::Corrupt(format!("unknown topic {topic:?}")))?,
                urgent: row.try_get::<i64, _>("urgency")? >= 3,
            })
        })
        .collect()
    }

    pub(super) async fn read_cursor(&self, name: &str) -> Result<Option<i64>> {
        let value: Option<Vec<u8>> =
            sqlx::query_scalar(&q("SELECT value FROM instance WHERE key = ?"))
                .bind(format!("cursor:{name}"))
                .fetch_optional(&self.writer)
                .await?;
        value
            .map(|v| {
                <[u8; 8]>::try_from(v.as_slice())
                    .map(i64::from_be_bytes)
                    .map_err(|_| StoreError::Corrupt(format!("cursor {name} is not a number")))
            })
            .transpose()
    }

    pub(super) async fn move_cursor(&self, name: &str, from: Option<i64>, to: i64) -> Result<bool> {
        let key = format!("cursor:{name}");
        let moved = match from {
            None => sqlx::query(&q(
                "INSERT INTO instance (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            ))
            .bind(&key)
            .bind(&to.to_be_bytes()[..])
            .execute(&self.writer)
            .await?
            .rows_affected(),
            Some(from) => sqlx::query(&q(
                "UPDATE instance SET value = ? WHERE key = ? AND value = ?",
            ))
            .bind(&to.to_be_bytes()[..])
            .bind(&key)
            .bind(&from.to_be_bytes()[..])
            .execute(&self.writer)
            .await?
            .rows_affected(),
        };
        Ok(moved == 1)
    }
}
