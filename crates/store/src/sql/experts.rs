//! Expert applications and admins' decisions on them.

use confide_core::expert::{Application, ApplicationDraft, ApplicationStatus, Decision};
use confide_core::{AccountId, Role, Timestamp};
use sqlx::Row;

use super::dialect::{q, Backend, DbRow};
use super::{insert_account, log_audit, log_change};
use crate::{NewAccount, Result, StoreError};

const APPLICATION_SELECT: &str = "SELECT a.account_id, handle, display_name, credentials,
        licence_number, licence_body, check_url, statement, status,
        a.created_at, decided_at, decided_by, decision_note
     FROM expert_applications a JOIN accounts ON accounts.id = a.account_id";

fn application_from_row(row: &DbRow) -> Result<Application> {
    let status: String = row.try_get("status")?;
    Ok(Application {
        account_id: AccountId(row.try_get("account_id")?),
        handle: row.try_get("handle")?,
        display_name: row.try_get("display_name")?,
        profession: row.try_get("credentials")?,
        licence_number: row.try_get("licence_number")?,
        licence_body: row.try_get("licence_body")?,
        check_url: row.try_get("check_url")?,
        statement: row.try_get("statement")?,
        status: ApplicationStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown application status {status:?}")))?,
        created_at: Timestamp(row.try_get("created_at")?),
        decided_at: row.try_get::<Option<i64>, _>("decided_at")?.map(Timestamp),
        decided_by: row.try_get("decided_by")?,
        decision_note: row.try_get("decision_note")?,
    })
}

impl Backend {
    pub(super) async fn insert_application(
        &self,
        application: &ApplicationDraft,
        password_hash: &str,
    ) -> Result<AccountId> {
        let mut tx = self.writer.begin().await?;
        // Unverified until an admin decides.
        let account = NewAccount {
            handle: application.handle.clone(),
            display_name: application.display_name.clone(),
            credentials: application.profession.clone(),
            role: Role::Expert,
            password_hash: password_hash.to_owned(),
            created_at: application.at,
            verified: false,
        };
        let id = insert_account(&mut tx, &account).await?;
        sqlx::query(&q("INSERT INTO expert_applications
                 (account_id, licence_number, licence_body, check_url, statement, created_at)
             VALUES (?, ?, ?, ?, ?, ?)"))
        .bind(id)
        .bind(&application.licence_number)
        .bind(&application.licence_body)
        .bind(&application.check_url)
        .bind(&application.statement)
        .bind(application.at.millis())
        .execute(&mut *tx)
        .await?;
        log_change(&mut tx, None, "account", id, "applied", application.at).await?;
        log_audit(
            &mut tx,
            "applicant",
            "expert.apply",
            &format!("account:{}", application.handle.as_str()),
            application.at,
        )
        .await?;
        tx.commit().await?;
        Ok(AccountId(id))
    }

    pub(super) async fn list_applications(
        &self,
        status: Option<ApplicationStatus>,
        limit: u32,
    ) -> Result<Vec<Application>> {
        sqlx::query(&q(&format!(
            "{APPLICATION_SELECT} WHERE ?1 IS NULL OR status = ?1 ORDER BY a.created_at, a.account_id LIMIT ?2"
        )))
        .bind(status.map(ApplicationStatus::as_str))
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(application_from_row)
        .collect()
    }

    pub(super) async fn one_application(&self, account: AccountId) -> Result<Option<Application>> {
        sqlx::query(&q(&format!("{APPLICATION_SELECT} WHERE a.account_id = ?")))
            .bind(account.0)
            .fetch_optional(&self.reader)
            .await?
            .as_ref()
            .map(application_from_row)
            .transpose()
    }

    pub(super) async fn decide(
        &self,
        handle: &str,
        decision: &Decision,
        actor: &str,
        at: Timestamp,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        // A no-op update takes the account's row: two admins deciding at
        // once decide one after the other, each seeing the other's decision.
        sqlx::query(&q("UPDATE accounts SET handle = handle WHERE handle = ?"))
            .bind(handle)
            .execute(&mut *tx)
            .await?;
        let row = sqlx::query(&q(
            "SELECT accounts.id, verified_at, disabled, status FROM accounts
             LEFT JOIN expert_applications a ON a.account_id = accounts.id
             WHERE handle = ?",
        ))
        .bind(handle)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Err(StoreError::NotFound);
        };
        let id: i64 = row.try_get("id")?;
        let verified = row.try_get::<Option<i64>, _>("verified_at")?.is_some();
        let status = row
            .try_get::<Option<String>, _>("status")?
            .and_then(|s| ApplicationStatus::parse(&s));
        if row.try_get::<bool, _>("disabled")? {
            return Err(StoreError::Conflict("that account is disabled"));
        }
        let (verified_at, new_status) = match decision {
            Decision::Verify if verified => {
                return Err(StoreError::Conflict("already verified"));
            }
            Decision::Verify => (Some(at.millis()), ApplicationStatus::Verified),
            Decision::Reject { .. } if status != Some(ApplicationStatus::Pending) => {
                return Err(StoreError::Conflict(
                    "only an application waiting for a decision can be rejected; revoke a verified expert instead",
                ));
            }
            Decision::Reject { .. } => (None, ApplicationStatus::Rejected),
            Decision::Revoke { .. } if !verified => {
                return Err(StoreError::Conflict("not verified, so nothing to revoke"));
            }
            Decision::Revoke { .. } => (None, ApplicationStatus::Revoked),
        };
        sqlx::query(&q("UPDATE accounts SET verified_at = ? WHERE id = ?"))
            .bind(verified_at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(&q("UPDATE expert_applications
             SET status = ?, decided_at = ?, decided_by = ?, decision_note = ?
             WHERE account_id = ?"))
        .bind(new_status.as_str())
        .bind(at.millis())
        .bind(actor)
        .bind(decision.reason())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        log_change(&mut tx, None, "account", id, new_status.as_str(), at).await?;
        log_audit(
            &mut tx,
            actor,
            &format!("expert.{}", decision.as_str()),
            &format!("account:{handle}"),
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
