package dev.tandem.codegen;

import dev.tandem.codegen.model.MachineModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a type's state machine into its generated descriptor, as the client runtime reads it to
 * compute the allowed actions without a round trip: the state field, the states, the guarded actions
 * with the states they start from, and the free actions.
 */
final class MachineLiteral {

    private MachineLiteral() {
    }

    /** @return the {@code machine} member of a typed descriptor ({@code index.ts}), or nothing */
    static String typed(MachineModel m) {
        if (m == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("  machine: {\n")
                .append("    field: ").append(quote(m.field())).append(",\n")
                .append("    states: ").append(list(m.states())).append(",\n")
                .append("    transitions: [\n");
        for (MachineModel.Transition t : m.transitions()) {
            out.append("      { action: ").append(quote(t.action())).append(", from: ").append(list(t.from())).append(" },\n");
        }
        return out.append("    ],\n")
                .append("    free: ").append(list(m.free())).append(",\n")
                .append("  },\n").toString();
    }

    /** @return the {@code machine} member of a frozen descriptor ({@code client.js}), or nothing */
    static String frozen(MachineModel m) {
        if (m == null) {
            return "";
        }
        String transitions = m.transitions().stream()
                .map(t -> "Object.freeze({ action: " + quote(t.action()) + ", from: " + frozenList(t.from()) + " })")
                .collect(Collectors.joining(", "));
        return ", machine: Object.freeze({ field: " + quote(m.field()) + ", states: " + frozenList(m.states())
                + ", transitions: Object.freeze([" + transitions + "]), free: " + frozenList(m.free()) + " })";
    }

    private static String list(List<String> names) {
        return names.stream().map(MachineLiteral::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String frozenList(List<String> names) {
        return "Object.freeze(" + list(names) + ")";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
