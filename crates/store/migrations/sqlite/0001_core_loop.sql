-- The core loop: accounts, sessions, questions, answers, replies,
-- the change log the search projection follows, and the audit log.
-- Times are milliseconds since the Unix epoch (UTC).

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    handle        TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    credentials   TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('expert', 'moderator', 'admin')),
    password_hash TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- AUTOINCREMENT: an erased question's id is never handed out again, so an
-- old link can never show somebody else's question.
CREATE TABLE questions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    capability_hash   BLOB    NOT NULL UNIQUE,
    title             TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    body_html         TEXT    NOT NULL,
    topic             TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    published_at      INTEGER,
    helpful_answer_id INTEGER,
    answer_count      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_public ON questions (published_at DESC, id DESC)
    WHERE published_at IS NOT NULL;
CREATE INDEX questions_public_topic ON questions (topic, published_at DESC, id DESC)
    WHERE published_at IS NOT NULL;
CREATE INDEX questions_unanswered ON questions (created_at, id)
    WHERE answer_count = 0;

CREATE TABLE answers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES accounts (id),
    body        TEXT    NOT NULL,
    body_html   TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX answers_question ON answers (question_id, id);
CREATE INDEX answers_author ON answers (author_id);

-- author_id NULL: written by the asker.
CREATE TABLE replies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    answer_id   INTEGER REFERENCES answers (id) ON DELETE CASCADE,
    author_id   INTEGER REFERENCES accounts (id),
    body        TEXT    NOT NULL,
    body_html   TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX replies_question ON replies (question_id, id);

-- Append-only. Holds ids and operations, never content, so it can outlive
-- an erasure without keeping what was erased.
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER,
    entity      TEXT    NOT NULL,
    entity_id   INTEGER NOT NULL,
    op          TEXT    NOT NULL,
    at          INTEGER NOT NULL
);

-- Who did what to which id, without content.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     INTEGER NOT NULL,
    actor  TEXT    NOT NULL,
    action TEXT    NOT NULL,
    target TEXT    NOT NULL
);

-- Per-instance values shared by every node (e.g. the key that signs CSRF tokens).
CREATE TABLE instance (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
