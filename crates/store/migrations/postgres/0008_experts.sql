ALTER TABLE accounts ADD COLUMN verified_at BIGINT;
UPDATE accounts SET verified_at = created_at;

CREATE TABLE expert_applications (
    account_id     BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    licence_number TEXT   NOT NULL,
    licence_body   TEXT   NOT NULL,
    check_url      TEXT   NOT NULL,
    statement      TEXT   NOT NULL,
    status         TEXT   NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'verified', 'rejected', 'revoked')),
    created_at     BIGINT NOT NULL,
    decided_at     BIGINT,
    decided_by     TEXT,
    decision_note  TEXT
);
CREATE INDEX expert_applications_status ON expert_applications (status, created_at);
