/**
 * Durable state: one row per instance in {@code tandem_instance}, written through Micronaut Data
 * JDBC with a revision and owner-epoch check on every write (the epoch fences servers that share the
 * database: see {@link dev.tandem.runtime.storage.StateStore#loadAsOwner}), and grouped into few transactions by the
 * {@link dev.tandem.runtime.storage.GroupCommitter}. The schema is created and migrated by Flyway
 * ({@link dev.tandem.runtime.storage.TandemSchema}). Secrets the server generates for itself live in
 * {@code tandem_secret} ({@link dev.tandem.runtime.storage.StoredSecrets}).
 */
package dev.tandem.runtime.storage;
