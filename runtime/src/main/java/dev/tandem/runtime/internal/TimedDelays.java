package dev.tandem.runtime.internal;

import dev.tandem.spi.LiveObjectDefinition;
import dev.tandem.spi.StateMachine;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the delays of timed transitions written as placeholders, {@code @After("${payment.expiry:PT2M}")},
 * from configuration once, when a type is registered: a missing (or blank) key without a default, or a value
 * that is not a positive ISO-8601 duration, stops the start with an error naming the key.
 */
public final class TimedDelays {

    private TimedDelays() {
    }

    /**
     * @param definition a live-object type
     * @param config reads a configuration key
     * @return its timed transitions, each with its effective delay; empty without a state machine
     * @throws IllegalStateException naming the key, the value and what is allowed, when one can't be resolved
     */
    public static List<StateMachine.Timed> resolve(LiveObjectDefinition<?> definition,
            Function<String, Optional<String>> config) {
        StateMachine<?> machine = definition.machine();
        if (machine == null) {
            return List.of();
        }
        List<StateMachine.Timed> resolved = new ArrayList<>();
        for (StateMachine.Timed t : machine.timed()) {
            resolved.add(t.key() == null ? t : t.withDelay(delay(definition, t,
                    config.apply(t.key()).filter(v -> !v.isBlank()))));
        }
        return List.copyOf(resolved);
    }

    private static Duration delay(LiveObjectDefinition<?> definition, StateMachine.Timed t, Optional<String> value) {
        String method = definition.javaType().getSimpleName() + "." + t.timer() + "()";
        if (value.isEmpty()) {
            if (t.after() != null) {
                return t.after();
            }
            throw new IllegalStateException("configuration key '" + t.key() + "' is not set, but @After(\"${"
                    + t.key() + "}\") on " + method
                    + " needs it. Set it to an ISO-8601 duration such as PT2M (in application.yml, or as the"
                    + " environment variable or system property), or give the placeholder a default: @After(\"${"
                    + t.key() + ":PT2M}\")");
        }
        try {
            Duration d = Duration.parse(value.get().trim());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException("configuration key '" + t.key() + "' is \"" + value.get() + "\", which @After on "
                + method + " reads as its delay, but it is not a positive ISO-8601 duration. Write it like PT30S, PT2M or P2D");
    }
}
