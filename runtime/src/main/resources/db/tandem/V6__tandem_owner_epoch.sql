-- The owner epoch: fencing between servers that share the database. Every activation of an
-- instance takes the next epoch (owner_epoch = owner_epoch + 1, in the transaction that loads it),
-- and every write of that activation is conditional on its epoch as well as on the revision it
-- expected. So a server that lost an instance to another one (paused, partitioned, or simply
-- behind) can never write it again: its write changes no row, it drops its copy, and its clients
-- reconnect and load what the new owner stored. A new instance is inserted at epoch 1; rows written
-- before this migration are at 0 until their next activation.
ALTER TABLE tandem_instance ADD COLUMN owner_epoch BIGINT DEFAULT 0 NOT NULL;
