CREATE TABLE embeddings (
    question_id  BIGINT PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
    model        TEXT   NOT NULL,
    content_hash BYTEA  NOT NULL,
    vector       BYTEA  NOT NULL
);
