package dev.tandem.runtime.storage;

/**
 * A call whose turn is stored, kept so that the call, resent after a crash or restart, gets its
 * first outcome instead of running again. Written in the same transaction as the state it changed.
 *
 * @param client the calling client: its user and {@code client} ID, as one key
 * @param slot the client's slot this call takes (a ring of {@code tandem.resume.call-cache-size})
 * @param call the call ID as a key that keeps its JSON type ({@code 7} and {@code "7"} differ)
 * @param revision the revision that includes the call
 * @param result the call's return value as JSON
 * @param storedAt when the call ran, in epoch milliseconds
 */
public record StoredCall(String client, int slot, String call, long revision, String result, long storedAt) {
}
