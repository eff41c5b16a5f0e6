-- Evidence on answers: numbered references, and other experts' reviews.
CREATE TABLE citations (
    answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    title     TEXT    NOT NULL,
    doi       TEXT,
    pmid      TEXT,
    url       TEXT,
    year      INTEGER,
    PRIMARY KEY (answer_id, position)
);

-- A dispute quotes the exact passage it disputes; a review may cite.
CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id    INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    reviewer_id  INTEGER NOT NULL REFERENCES accounts (id),
    verdict      TEXT    NOT NULL CHECK (verdict IN ('endorse', 'dispute')),
    quote        TEXT,
    note         TEXT    NOT NULL,
    note_html    TEXT    NOT NULL,
    cite_title   TEXT,
    cite_doi     TEXT,
    cite_pmid    TEXT,
    cite_url     TEXT,
    cite_year    INTEGER,
    created_at   INTEGER NOT NULL
);
CREATE INDEX reviews_answer ON reviews (answer_id, id);
