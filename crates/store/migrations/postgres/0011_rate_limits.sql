CREATE TABLE rate_limits (
    key        BYTEA            PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    allowed    BOOLEAN          NOT NULL,
    updated_at BIGINT           NOT NULL
);
CREATE INDEX rate_limits_updated ON rate_limits (updated_at);
