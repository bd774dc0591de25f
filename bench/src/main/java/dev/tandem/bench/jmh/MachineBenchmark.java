package dev.tandem.bench.jmh;

import dev.tandem.runtime.internal.InstanceContext;
import dev.tandem.runtime.internal.InstanceKey;
import dev.tandem.runtime.internal.TurnRunner;
import dev.tandem.spi.StateMachine;
import java.time.Clock;
import java.util.List;
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
 * What a {@code @Transition} check adds to a call: the same turn (a body that bumps a counter and
 * leaves the state alone, diffed and committed) run with the machine ({@code checked}: rule lookup,
 * state read, {@code from} test, state compare after the body) and without it ({@code unchecked}).
 * The difference is the check's cost per call; the target is under 100 ns.
 * Run: {@code java -jar bench/target/tandem-jmh.jar MachineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MachineBenchmark {

    private TurnRunner<Shipment> checked;
    private TurnRunner<Shipment> unchecked;
    private StateMachine<Shipment> machine;
    private Shipment shipment;
    private final TurnRunner.Body<Shipment> note = o -> {
        o.notes++;
        return null;
    };

    @Setup
    public void setUp() {
        ShipmentDefinition definition = new ShipmentDefinition();
        InstanceContext context = new InstanceContext(new InstanceKey("bench-shipment", "s"), Clock.systemUTC(), List.of());
        checked = new TurnRunner<>(new Shipment(), definition.state(), context, definition.machine());
        unchecked = new TurnRunner<>(new Shipment(), definition.state(), context);
        machine = definition.machine();
        shipment = new Shipment();
    }

    @Benchmark
    public TurnRunner.Result checked() {
        return checked.runAction("note", note);
    }

    @Benchmark
    public TurnRunner.Result unchecked() {
        return unchecked.runAction("note", note);
    }

    /** The check alone, as the runtime makes it: rule lookup, state read, {@code from} test. */
    @Benchmark
    public boolean checkAlone() {
        StateMachine.Rule rule = machine.action("note");
        return rule == null || rule.from()[machine.state(shipment)];
    }

    @Benchmark
    public TurnRunner.Result refused() {
        return checked.runAction("deliver", note); // refused before the body: the error path's cost
    }
}
