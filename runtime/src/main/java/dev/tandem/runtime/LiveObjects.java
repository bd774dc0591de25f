package dev.tandem.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.Caller;
import dev.tandem.runtime.internal.Host;
import dev.tandem.runtime.internal.InstanceKey;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * Server-side access to live objects, for application code and Tandem's own HTTP endpoints. Calls
 * go through the same mailbox as clients' calls, so they take their turn like any other: one at a
 * time per instance, all or nothing, stored before they complete.
 *
 * <pre>{@code
 * @Inject LiveObjects liveObjects;
 *
 * liveObjects.call("counter", "lobby", "increment", JsonNodeFactory.instance.arrayNode().add(1),
 *         LiveObjects.system("scheduler"))
 *     .thenAccept(r -> log.info("now at revision {}", r.revision()));
 * }</pre>
 */
@Singleton
public final class LiveObjects {

    private final Host host;
    private final LiveObjectRegistry registry;

    LiveObjects(Host host, LiveObjectRegistry registry) {
        this.host = host;
        this.registry = registry;
    }

    /**
     * Calls an action.
     *
     * @param type the live-object type
     * @param id the instance ID
     * @param action the action
     * @param arguments a JSON array (by position) or object (by name); {@code null} for none
     * @param caller who is calling
     * @return completes once the turn is stored, or fails with a {@link LiveObjectException}
     */
    public CompletableFuture<CallResult> call(String type, String id, String action, JsonNode arguments, Caller caller) {
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        try {
            registry.require(type);
            host.call(new InstanceKey(type, InstanceIds.check(id)), action, arguments, caller, null, null, outcome -> {
                if (outcome.isOk()) {
                    result.complete(new CallResult(outcome.revision(), outcome.value()));
                } else {
                    result.completeExceptionally(new LiveObjectException(outcome.error(), outcome.message(), outcome.details()));
                }
            });
        } catch (LiveObjectException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Reads an instance's state as the server itself: creates the instance if it never existed
     * (like a first join), and no access rule is asked.
     *
     * @param type the live-object type
     * @param id the instance ID
     * @return completes with the state as clients see it: no {@code @ServerOnly} field, and no
     *     {@code @View} (there is no viewer)
     */
    public CompletableFuture<Snapshot> read(String type, String id) {
        return read(type, id, null);
    }

    /**
     * Reads an instance's state as one caller sees it. A client's read (a caller other than
     * {@code null} or {@link #system}) obeys the type's {@code @AllowRead} and class-level
     * {@code @Secured} and never creates an instance: it fails with {@code not_found} for one that
     * was never created.
     *
     * @param type the live-object type
     * @param id the instance ID
     * @param caller who reads, or {@code null} for the server itself
     * @return completes with the state as that caller sees it: no {@code @ServerOnly} field, and
     *     the caller's own {@code @View}s, computed for this read (none for {@code null}); or fails with a
     *     {@link LiveObjectException} ({@code forbidden}, {@code not_found})
     */
    public CompletableFuture<Snapshot> read(String type, String id, Caller caller) {
        try {
            registry.require(type);
            return host.read(new InstanceKey(type, InstanceIds.check(id)), caller);
        } catch (LiveObjectException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Closes every client connection to an instance (close code 1012, "reconnect"), for operators:
     * clients reconnect at once and resume where they were. {@code @OnDisconnect} runs for each (and
     * {@code @OnLeave} for each user's last).
     *
     * @param type the live-object type
     * @param id the instance ID
     * @return whether the instance was in memory (an instance that is not has no connections)
     */
    public boolean disconnectAll(String type, String id) {
        registry.require(type);
        return host.closeConnections(new InstanceKey(type, InstanceIds.check(id)));
    }

    /** @return the live-object types */
    public LiveObjectRegistry types() {
        return registry;
    }

    /**
     * A caller for calls the server makes on its own behalf.
     *
     * @param name who, for example {@code "scheduler"}; becomes the user ID
     * @return an authenticated caller, which {@code @AllowWrite}, {@code @Secured} and
     *     {@code tandem.security.deny-by-default} do not check: it is the server itself
     */
    public static Caller system(String name) {
        return new dev.tandem.runtime.internal.ServerCaller(name);
    }
}
