-- Disputes have a life: open; addressed when the author revises the claim
-- away; withdrawn by the reviewer; or closed by a moderator with a reason.
ALTER TABLE reviews ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'addressed', 'withdrawn', 'closed'));
ALTER TABLE reviews ADD COLUMN status_note TEXT;
ALTER TABLE reviews ADD COLUMN addressed_in INTEGER;
