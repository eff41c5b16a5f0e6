-- Optional email about new questions: an address and topics, given by the
-- expert (NULL: no email). Forgotten with the account.
ALTER TABLE accounts ADD COLUMN notify_email TEXT;
ALTER TABLE accounts ADD COLUMN notify_topics TEXT NOT NULL DEFAULT '';
