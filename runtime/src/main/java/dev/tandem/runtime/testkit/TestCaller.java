package dev.tandem.runtime.testkit;

import dev.tandem.Connection;
import java.util.Map;

/**
 * A fake caller and connection for tests.
 *
 * @param connectionId its connection ID
 * @param userId its user ID
 * @param authenticated whether it counts as authenticated
 * @param attributes its connection attributes
 */
public record TestCaller(String connectionId, String userId, boolean authenticated, Map<String, String> attributes)
        implements Connection {

    /** Copies the attributes. */
    public TestCaller {
        attributes = Map.copyOf(attributes);
    }

    /**
     * @param userId a user
     * @return an anonymous caller with that user ID and a connection ID derived from it
     */
    public static TestCaller user(String userId) {
        return new TestCaller("conn-" + userId, userId, false, Map.of());
    }

    /**
     * @param name an attribute
     * @param value its value
     * @return this caller with the attribute added
     */
    public TestCaller with(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(attributes);
        more.put(name, value);
        return new TestCaller(connectionId, userId, authenticated, more);
    }
}
