/**
 * Durable state: one row per instance in {@code tandem_instance}, written through Micronaut Data
 * JDBC with a revision check on every write, and grouped into few transactions by the
 * {@link dev.tandem.runtime.storage.GroupCommitter}. The schema is created and migrated by Flyway
 * ({@link dev.tandem.runtime.storage.TandemSchema}). Secrets the server generates for itself live in
 * {@code tandem_secret} ({@link dev.tandem.runtime.storage.StoredSecrets}).
 */
package dev.tandem.runtime.storage;
