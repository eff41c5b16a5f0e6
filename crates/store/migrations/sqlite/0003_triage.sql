-- What triage found when a question was asked, so the experts' queue can
-- put danger first and the asker's page can show the right help.
-- triage: category identifiers, most urgent first, comma-separated.
ALTER TABLE questions ADD COLUMN urgency INTEGER NOT NULL DEFAULT 0;
ALTER TABLE questions ADD COLUMN triage TEXT NOT NULL DEFAULT '';
DROP INDEX questions_unanswered;
CREATE INDEX questions_unanswered ON questions (urgency DESC, created_at, id)
    WHERE answer_count = 0;
