-- Calls whose turns are stored, so that a call resent after a crash or restart gets its first
-- outcome instead of running again. Each client of an instance has a ring of slots
-- (tandem.resume.call-cache-size); a new call overwrites the oldest slot, in the same
-- transaction as the state it changed. Rows older than tandem.resume.call-cache-time are deleted.
CREATE TABLE tandem_call (
    object_type VARCHAR(200) NOT NULL,
    object_id   VARCHAR(200) NOT NULL,
    client_key  VARCHAR(500) NOT NULL,
    slot        INTEGER      NOT NULL,
    call_key    VARCHAR(100) NOT NULL,
    revision    BIGINT       NOT NULL,
    result      ${text_type},
    stored_at   BIGINT       NOT NULL,
    CONSTRAINT tandem_call_pk PRIMARY KEY (object_type, object_id, client_key, slot)
);

CREATE INDEX tandem_call_stored_at ON tandem_call (stored_at);
