-- The patch log. A write no longer stores an instance's whole state: it appends the patch of each
-- revision (JSON Patch operations over the stored fields) to tandem_patch and moves the instance's
-- revision, conditional on the revision it expected. Every tandem.storage.snapshot-every revisions
-- (or tandem.storage.snapshot-bytes of log) the whole state is written again to
-- tandem_instance.state with its snapshot_revision, and log rows more than
-- tandem.storage.log-retention revisions old are deleted. Loading applies the rows after
-- snapshot_revision to the snapshot; they must form a chain (each row's base_revision is the
-- previous row's revision), or the instance is refused.
--
-- Rows written before this migration have no snapshot_revision: their state is at their revision.
-- history identifies the instance's history (the epoch clients see); NULL starts a new one at the
-- next activation. Set it to NULL after editing or restoring rows outside Tandem.
ALTER TABLE tandem_instance ADD COLUMN snapshot_revision BIGINT;
ALTER TABLE tandem_instance ADD COLUMN history VARCHAR(100);

-- ops is NULL for a patch too large to keep: a snapshot at its revision was written with it.
CREATE TABLE tandem_patch (
    object_type   VARCHAR(200) NOT NULL,
    object_id     VARCHAR(200) NOT NULL,
    revision      BIGINT       NOT NULL,
    base_revision BIGINT       NOT NULL,
    ops           ${short_text_type},
    CONSTRAINT tandem_patch_pk PRIMARY KEY (object_type, object_id, revision)
);
