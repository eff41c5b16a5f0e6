-- Rate-limit buckets shared by every node, when the operator turns that on
-- (site.rate_limits.shared): logging in and applying only, never what
-- askers and readers do. A key is an HMAC of the client's network under a
-- daily key derived from a secret the operator gives every node, which is
-- never stored here. Rows live for a day at most.
CREATE TABLE rate_limits (
    key        BLOB    PRIMARY KEY,
    tokens     REAL    NOT NULL,
    allowed    BOOLEAN NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX rate_limits_updated ON rate_limits (updated_at);
