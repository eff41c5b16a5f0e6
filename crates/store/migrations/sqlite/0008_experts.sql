-- Verification: people apply with credentials an admin can check; readers
-- see a "verified" badge only while an admin's verification stands.
-- NULL: waiting for a decision, rejected, or revoked.
ALTER TABLE accounts ADD COLUMN verified_at INTEGER;
-- Accounts made so far were made by the operator, who vouched for them.
UPDATE accounts SET verified_at = created_at;

CREATE TABLE expert_applications (
    account_id     INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    licence_number TEXT    NOT NULL,
    licence_body   TEXT    NOT NULL,
    check_url      TEXT    NOT NULL,
    statement      TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'verified', 'rejected', 'revoked')),
    created_at     INTEGER NOT NULL,
    decided_at     INTEGER,
    decided_by     TEXT,
    decision_note  TEXT
);
CREATE INDEX expert_applications_status ON expert_applications (status, created_at);
