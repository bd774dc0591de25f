/**
 * How live objects are hosted. The {@link dev.tandem.runtime.internal.Host} keeps one
 * {@link dev.tandem.runtime.internal.LiveInstance} per {@code (type, id)} in memory; each instance
 * has a {@link dev.tandem.runtime.internal.Mailbox} and runs its messages one at a time on a small
 * shared pool of threads (no thread per instance). After each turn it diffs the fields against
 * their last committed values ({@link dev.tandem.runtime.internal.JsonDiff}), hands the write to
 * the group committer and holds the turn's outputs in its
 * {@link dev.tandem.runtime.internal.OutputGate} until the write is stored. {@code @ServerOnly}
 * fields are diffed for storage but never into the patch; {@code Views} computes each distinct
 * viewer's {@code @View}s after a committed turn and {@code PatchFrames} gives each viewer its frame
 * (one shared frame when the type has no views).
 * {@link dev.tandem.runtime.internal.Access} asks a type's access rules before a join, read or call
 * is let in.
 */
package dev.tandem.runtime.internal;
