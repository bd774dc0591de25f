package dev.tandem.runtime.testkit;

import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.TimedDelays;
import dev.tandem.runtime.internal.TimerRetries;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import dev.tandem.spi.LiveObjectDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Drives one live-object class in a plain unit test. Instances get the same turn semantics as on
 * the server, from the same code: a turn that throws is rolled back, each change yields a JSON
 * Patch, hooks and timers run as turns.
 *
 * <pre>{@code
 * var kit = LiveObjectTestKit.of(TicTacToe.class);
 * var game = kit.create("game-1");
 * var alice = TestCaller.user("alice");
 * var bob = TestCaller.user("bob");
 * game.connect(alice);
 * game.connect(bob);
 * game.call(alice, "play", 4);
 * assertThrows(ActionRejected.class, () -> game.call(alice, "play", 5));   // not her turn
 * assertEquals("X", game.object().board.get(4));
 * }</pre>
 *
 * <p>Access rules apply as on the server: {@code connect} and {@code read} ask {@code @AllowRead},
 * {@code call} asks {@code @Secured} and {@code @AllowWrite}, and a refusal throws a
 * {@code LiveObjectException} with code {@code forbidden}. Timers and hooks are not checked.
 *
 * @param <T> the live-object class
 */
public final class LiveObjectTestKit<T> {

    private final LiveObjectDefinition<T> definition;
    private final Map<Class<?>, Object> beans = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private boolean denyByDefault;
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    private LiveObjectTestKit(LiveObjectDefinition<T> definition) {
        this.definition = definition;
    }

    /**
     * @param type a {@code @LiveObject} class compiled with the Tandem processor
     * @param <T> the class
     * @return a kit for it
     * @throws IllegalArgumentException if its generated definition is not on the classpath
     */
    @SuppressWarnings("unchecked")
    public static <T> LiveObjectTestKit<T> of(Class<T> type) {
        for (LiveObjectDefinition<?> d : ServiceLoader.load(LiveObjectDefinition.class, type.getClassLoader())) {
            if (d.javaType() == type) {
                return new LiveObjectTestKit<>((LiveObjectDefinition<T>) d);
            }
        }
        throw new IllegalArgumentException("no generated definition for " + type.getName()
                + ": is it annotated @LiveObject and compiled with the Tandem annotation processor?");
    }

    /**
     * Provides a bean the class takes in its constructor.
     *
     * @param type the parameter's type
     * @param bean the object to pass (a fake, usually)
     * @param <B> the type
     * @return this kit
     */
    public <B> LiveObjectTestKit<T> withBean(Class<B> type, B bean) {
        beans.put(type, bean);
        return this;
    }

    /**
     * Sets a configuration property, as {@code application.yml} would on the server: it is where
     * {@code @After("${payment.expiry:PT2M}")} reads its delay, and the kit reads the timer retry
     * policy's {@code tandem.timers.retry.*} here too.
     *
     * <pre>{@code
     * var order = LiveObjectTestKit.of(Order.class).withProperty("payment.expiry", "PT5S").create("o-1");
     * }</pre>
     *
     * @param key the configuration key
     * @param value its value
     * @return this kit
     */
    public LiveObjectTestKit<T> withProperty(String key, String value) {
        properties.put(key, value);
        return this;
    }

    private TandemConfiguration.Timers.Retry retry() {
        TandemConfiguration.Timers.Retry retry = new TandemConfiguration.Timers.Retry();
        String prefix = "tandem.timers.retry.";
        property(prefix + "initial-delay", Duration.class).ifPresent(retry::setInitialDelay);
        property(prefix + "multiplier", Double.class).ifPresent(retry::setMultiplier);
        property(prefix + "max-delay", Duration.class).ifPresent(retry::setMaxDelay);
        property(prefix + "max-attempts", Integer.class).ifPresent(retry::setMaxAttempts);
        return retry;
    }

    private <V> Optional<V> property(String key, Class<V> type) {
        String value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(ConversionService.SHARED.convert(value, type).orElseThrow(() -> new IllegalArgumentException(
                key + " is \"" + value + "\", which is not a " + type.getSimpleName() + (type == Duration.class
                        ? " (write it like 500ms, 1s or 2m)" : ""))));
    }

    /**
     * Refuses what no access rule allows, as a server with {@code tandem.security.deny-by-default: true}.
     *
     * @return this kit
     */
    public LiveObjectTestKit<T> denyByDefault() {
        this.denyByDefault = true;
        return this;
    }

    /** @return the clock instances see; advance it to make timers due */
    public ManualClock clock() {
        return clock;
    }

    /**
     * Creates an instance as the server would on first use: constructor, then {@code @OnCreate}.
     *
     * @param id the instance ID
     * @return the instance
     * @throws Exception whatever the constructor or {@code @OnCreate} throws
     * @throws IllegalStateException when an {@code @After} placeholder's key is not set (see
     *     {@link #withProperty}) and has no default, or is not a positive ISO-8601 duration
     */
    public TestInstance<T> create(String id) throws Exception {
        return new TestInstance<>(definition, id, beans, clock, denyByDefault,
                TimedDelays.resolve(definition, key -> Optional.ofNullable(properties.get(key))),
                new TimerRetries(retry()));
    }

    /**
     * Loads an instance from stored state, as the server loads one stored by this or an older version
     * of the class: older state goes through the {@code @Migrate} methods and {@code @Formerly}
     * renames first (no {@code @OnCreate} runs). This is how to test a migration:
     * {@code kit.load("t1", 1, "{\"title\":\"Old\",\"price\":250}")}.
     *
     * @param id the instance ID
     * @param storedVersion the schema version the state was stored by ({@code @LiveObject(version)})
     * @param storedState the stored fields, as the {@code state} column holds them (a JSON object)
     * @return the instance
     * @throws IllegalArgumentException if {@code storedState} is not a JSON object
     * @throws IllegalStateException if a migration fails, or the state is from a newer version
     * @throws Exception whatever the constructor throws
     */
    public TestInstance<T> load(String id, int storedVersion, String storedState) throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(storedState);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the stored state of " + definition.typeName() + "/" + id
                    + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode)) {
            throw new IllegalArgumentException("the stored state of " + definition.typeName() + "/" + id
                    + " must be a JSON object of stored fields, got: " + storedState);
        }
        com.fasterxml.jackson.databind.node.ObjectNode migrated = dev.tandem.runtime.internal.SchemaMigration.migrate(
                new dev.tandem.runtime.internal.InstanceKey(definition.typeName(), id), definition, storedVersion, tree);
        return new TestInstance<>(definition, id, beans, clock, denyByDefault,
                TimedDelays.resolve(definition, key -> Optional.ofNullable(properties.get(key))),
                new TimerRetries(retry()), migrated != null ? migrated : (com.fasterxml.jackson.databind.node.ObjectNode) tree);
    }
}
