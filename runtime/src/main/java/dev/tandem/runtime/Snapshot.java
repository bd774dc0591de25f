package dev.tandem.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of an instance at one revision, as every client sees it.
 *
 * @param revision the revision
 * @param epoch identifies the instance's history (stored; it changes when history was lost, see
 *     docs/PROTOCOL.md); revisions compare only within one
 * @param state every {@code @Field} by name
 */
public record Snapshot(long revision, String epoch, ObjectNode state) {
}
