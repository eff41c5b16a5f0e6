ALTER TABLE questions ADD COLUMN urgency BIGINT NOT NULL DEFAULT 0;
ALTER TABLE questions ADD COLUMN triage TEXT NOT NULL DEFAULT '';
DROP INDEX questions_unanswered;
CREATE INDEX questions_unanswered ON questions (urgency DESC, created_at, id)
    WHERE answer_count = 0;
