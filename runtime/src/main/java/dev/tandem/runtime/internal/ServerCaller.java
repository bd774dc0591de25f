package dev.tandem.runtime.internal;

import dev.tandem.Caller;
import java.util.Map;

/**
 * Internal API. The server acting on its own behalf ({@code LiveObjects.system(name)}): an
 * authenticated caller that access rules do not check, as only server code can make one.
 *
 * @param userId who, for example {@code "scheduler"}
 */
public record ServerCaller(String userId) implements Caller {

    /**
     * @param caller a caller, or {@code null} for the server's own reads
     * @return whether it is the server itself
     */
    public static boolean is(Caller caller) {
        return caller == null || caller instanceof ServerCaller;
    }

    @Override
    public String connectionId() {
        return "system";
    }

    @Override
    public boolean authenticated() {
        return true;
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of();
    }
}
