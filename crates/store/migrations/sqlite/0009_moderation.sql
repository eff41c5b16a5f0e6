-- Moderation: readers flag, moderators hide (never delete) with a reason,
-- restore, edit with a reason, or dismiss. NULL: not hidden.
ALTER TABLE questions ADD COLUMN hidden_reason TEXT;
ALTER TABLE answers ADD COLUMN hidden_reason TEXT;
ALTER TABLE replies ADD COLUMN hidden_reason TEXT;
-- Why a moderator changed a reply (replies keep no history: the usual
-- reason to edit one is to take out what identifies someone).
ALTER TABLE replies ADD COLUMN moderator_note TEXT;

-- A flag belongs to its question, so erasing the question erases its flags.
CREATE TABLE flags (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    target      TEXT    NOT NULL CHECK (target IN ('question', 'answer', 'reply')),
    target_id   INTEGER NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('harmful', 'spam', 'identifying', 'other')),
    note        TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    resolution  TEXT    CHECK (resolution IN ('hidden', 'restored', 'dismissed', 'edited')),
    resolved_by TEXT,
    resolved_at INTEGER
);
CREATE INDEX flags_open ON flags (created_at) WHERE resolution IS NULL;
CREATE INDEX flags_target ON flags (target, target_id);

-- Versions of questions that moderators edited. Written on the first edit
-- (the asker's wording becomes version 1), so unedited questions cost nothing.
-- editor_id NULL: the asker.
CREATE TABLE question_revisions (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    editor_id   INTEGER REFERENCES accounts (id),
    reason      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (question_id, number)
);
