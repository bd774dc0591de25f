package dev.tandem.runtime.storage;

/**
 * One client's calls from one write of an instance, kept so that a call, resent after a crash or
 * restart, gets its first outcome instead of running again. Written in the same transaction as
 * the state those calls changed.
 *
 * @param client the calling client: its user and {@code client} ID, as one key
 * @param slot the client's slot this row takes (a ring of {@code tandem.resume.call-cache-size})
 * @param revision the highest revision among the calls
 * @param calls the calls as a JSON array of {@code [call key, revision, result]}; a call key keeps
 *     the ID's JSON type ({@code 7} and {@code "7"} differ)
 * @param storedAt when the write was made, in epoch milliseconds
 */
public record StoredCall(String client, int slot, long revision, String calls, long storedAt) {
}
