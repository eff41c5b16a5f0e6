ALTER TABLE reviews ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'addressed', 'withdrawn', 'closed'));
ALTER TABLE reviews ADD COLUMN status_note TEXT;
ALTER TABLE reviews ADD COLUMN addressed_in BIGINT;
