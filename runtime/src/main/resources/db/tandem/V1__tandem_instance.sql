-- One row per live-object instance: its stored fields as a JSON object, the revision they are
-- at, and its pending timers. Writes are conditional on the revision (optimistic concurrency).
CREATE TABLE tandem_instance (
    object_type VARCHAR(200) NOT NULL,
    object_id   VARCHAR(200) NOT NULL,
    revision    BIGINT       NOT NULL,
    state       ${text_type} NOT NULL,
    timers      ${text_type},
    wake_at     BIGINT,
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT tandem_instance_pk PRIMARY KEY (object_type, object_id)
);

CREATE INDEX tandem_instance_wake_at ON tandem_instance (wake_at);
