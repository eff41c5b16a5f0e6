ALTER TABLE accounts ADD COLUMN notify_email TEXT;
ALTER TABLE accounts ADD COLUMN notify_topics TEXT NOT NULL DEFAULT '';
