package dev.tandem.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.Caller;
import dev.tandem.spi.ActionDispatcher;
import dev.tandem.spi.LiveObjectDefinition;
import dev.tandem.spi.StateAccess;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Snapshot, restore and dispatch of the generated code for a 20-field object ({@link Profile}).
 * Run: {@code java -jar bench/target/tandem-jmh.jar GeneratedCodeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeneratedCodeBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Caller CALLER = new Caller() {
        @Override
        public String connectionId() {
            return "c1";
        }

        @Override
        public String userId() {
            return "ada";
        }

        @Override
        public boolean authenticated() {
            return false;
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of();
        }
    };

    private StateAccess<Profile> state;
    private ActionDispatcher<Profile> actions;
    private Profile profile;
    private ObjectNode snapshot;
    private String snapshotJson;
    private JsonNode arguments;

    @Setup
    public void setUp() throws Exception {
        LiveObjectDefinition<Profile> definition = new ProfileDefinition();
        state = definition.state();
        actions = definition.actions();
        profile = new Profile();
        snapshot = state.snapshot(profile, false);
        snapshotJson = MAPPER.writeValueAsString(snapshot);
        arguments = MAPPER.readTree("[\"chess\", 1]");
    }

    /** Reads all 20 fields into a JSON tree. */
    @Benchmark
    public ObjectNode snapshot() {
        return state.snapshot(profile, false);
    }

    /** Snapshot, then JSON text: what storing a turn's state costs. */
    @Benchmark
    public String snapshotToJson() throws Exception {
        return MAPPER.writeValueAsString(state.snapshot(profile, false));
    }

    /** Writes all 20 fields back from a JSON tree: what a rollback costs. */
    @Benchmark
    public Profile restore() {
        state.restore(profile, snapshot);
        return profile;
    }

    /** Parses stored JSON text and restores it: what loading an instance costs. */
    @Benchmark
    public Profile restoreFromJson() throws Exception {
        state.restore(profile, MAPPER.readTree(snapshotJson));
        return profile;
    }

    /** Decodes the arguments, calls the action, encodes the result. */
    @Benchmark
    public JsonNode dispatch() throws Exception {
        return actions.invoke(profile, "visit", arguments, CALLER);
    }
}
