-- Secrets the server generates for itself when the configuration has none: today the key that signs
-- anonymous session credentials (name 'session-key'), so that identities survive restarts and every
-- server on the same database accepts the same credentials. The first server to start inserts it;
-- the others read it (insert if absent, then read).
CREATE TABLE tandem_secret (
    name       VARCHAR(100) NOT NULL,
    secret     VARCHAR(500) NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT tandem_secret_pk PRIMARY KEY (name)
);
