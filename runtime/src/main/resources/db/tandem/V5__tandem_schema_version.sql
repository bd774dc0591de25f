-- The schema version (@LiveObject(version)) of each instance's stored state: the shape of its
-- snapshot and of the patch log after it. Written with every snapshot. NULL is version 1 (rows
-- written before versions existed). An instance stored at an older version than its class is
-- migrated when it is loaded (its @Migrate methods and @Formerly renames), and stored again at the
-- class's version, with a new snapshot, before it serves anything.
ALTER TABLE tandem_instance ADD COLUMN schema_version INTEGER;
