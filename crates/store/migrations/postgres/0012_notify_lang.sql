-- The language an expert's digest emails are written in: the language of
-- the page they saved their settings on (a code, 'en' or 'es').
ALTER TABLE accounts ADD COLUMN notify_lang TEXT NOT NULL DEFAULT 'en';
