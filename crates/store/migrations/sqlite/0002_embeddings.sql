-- Sentence embeddings of questions, kept in the database so they survive
-- restarts and every node shares them. Derived data: erased with the
-- question, and recomputed when the text they were computed from changes.
CREATE TABLE embeddings (
    question_id  INTEGER PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    content_hash BLOB    NOT NULL,
    vector       BLOB    NOT NULL
);
