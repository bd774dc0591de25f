-- Calls whose turns are stored, so that a call resent after a crash or restart gets its first
-- outcome instead of running again. Each client of an instance has a ring of
-- tandem.resume.call-cache-size slots; each write of the instance puts that client's calls of the
-- write (a JSON array of [call key, revision, result]) in the client's next slot, in the same
-- transaction as the state they changed. Rows older than tandem.resume.call-cache-time are deleted.
-- No index on stored_at: the periodic cleanup scans a table of bounded size, and a write pays for
-- no second B-tree.
CREATE TABLE tandem_call (
    object_type VARCHAR(200) NOT NULL,
    object_id   VARCHAR(200) NOT NULL,
    client_key  VARCHAR(500) NOT NULL,
    slot        INTEGER      NOT NULL,
    revision    BIGINT       NOT NULL,
    calls       ${short_text_type} NOT NULL,
    stored_at   BIGINT       NOT NULL,
    CONSTRAINT tandem_call_pk PRIMARY KEY (object_type, object_id, client_key, slot)
);
