CREATE TABLE answer_revisions (
    answer_id  BIGINT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    number     BIGINT NOT NULL,
    body       TEXT   NOT NULL,
    editor_id  BIGINT NOT NULL REFERENCES accounts (id),
    reason     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (answer_id, number)
);
INSERT INTO answer_revisions (answer_id, number, body, editor_id, reason, created_at)
    SELECT id, 1, body, author_id, 'First version', created_at FROM answers;
ALTER TABLE answers ADD COLUMN reviewed_at BIGINT NOT NULL DEFAULT 0;
UPDATE answers SET reviewed_at = updated_at;
CREATE INDEX answers_review_due ON answers (reviewed_at);
