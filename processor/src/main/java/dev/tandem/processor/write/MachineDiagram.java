package dev.tandem.processor.write;

import dev.tandem.processor.model.MachineModel;
import dev.tandem.processor.model.TransitionModel;

/**
 * Draws a machine as a Mermaid {@code stateDiagram-v2}: the initial state, one arrow per
 * {@code from → to} pair of each transition labelled with its action (timed ones with their
 * delay), and an arrow to the end from each terminal state. Output is deterministic.
 *
 * <pre>
 * stateDiagram-v2
 *     [*] --> PENDING
 *     PENDING --> PAID: pay
 *     PENDING --> CANCELLED: expire after PT24H
 *     CANCELLED --> [*]
 * </pre>
 */
public final class MachineDiagram {

    private MachineDiagram() {
    }

    /**
     * @param machine a machine
     * @return its diagram, ending with a newline
     */
    public static String of(MachineModel machine) {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        out.append("    [*] --> ").append(machine.initial()).append('\n');
        for (TransitionModel t : machine.transitions()) {
            arrows(out, t, t.method());
        }
        for (TransitionModel t : machine.timed()) {
            arrows(out, t, t.after() == null ? t.method() : t.method() + " after " + t.after());
        }
        machine.terminal().forEach(s -> out.append("    ").append(s).append(" --> [*]\n"));
        return out.toString();
    }

    private static void arrows(StringBuilder out, TransitionModel t, String label) {
        for (String from : t.from()) {
            for (String to : t.to()) {
                out.append("    ").append(from).append(" --> ").append(to).append(": ").append(label).append('\n');
            }
        }
    }
}
