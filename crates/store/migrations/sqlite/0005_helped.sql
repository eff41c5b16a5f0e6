-- How many readers said an answer helped them. A count, nothing more: no
-- record of who, so nothing links a reader to what they read.
ALTER TABLE answers ADD COLUMN helped_count INTEGER NOT NULL DEFAULT 0;
