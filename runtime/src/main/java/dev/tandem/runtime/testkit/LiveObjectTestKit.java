package dev.tandem.runtime.testkit;

import dev.tandem.runtime.internal.TimedDelays;
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
     * {@code @After("${payment.expiry:PT2M}")} reads its delay.
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
                TimedDelays.resolve(definition, key -> Optional.ofNullable(properties.get(key))));
    }
}
