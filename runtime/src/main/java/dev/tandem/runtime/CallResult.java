package dev.tandem.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of an action call.
 *
 * @param revision the instance's revision that includes the call's changes
 * @param value the action's encoded return value (JSON null for {@code void})
 */
public record CallResult(long revision, JsonNode value) {
}
