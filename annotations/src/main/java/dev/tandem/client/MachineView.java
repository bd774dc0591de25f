package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one state of a live object allows, computed on the client from the type's state machine
 * with no round trip ({@link LiveConnection#machine()}; generated clients expose it as
 * {@code allowed()}, {@code can(...)} and {@code matches(...)}). A type without a {@code @State}
 * field allows all its actions and matches no state; before the first snapshot, or when the type's
 * model document ({@code META-INF/tandem/models/<type>.json}) is not on the classpath, nothing is
 * allowed.
 *
 * <pre>{@code
 * MachineView now = order.connection().machine();
 * now.state();           // "PENDING"
 * now.allowed();         // [pay, cancel, rename]
 * now.can("ship");       // false
 * now.matches("PAID");   // false
 * }</pre>
 */
public final class MachineView {

    private final String state;
    private final List<String> allowed;

    private MachineView(String state, List<String> allowed) {
        this.state = state;
        this.allowed = allowed;
    }

    /**
     * @param typeName a live-object type
     * @param tree its state, or {@code null} before the first snapshot
     * @return what that state allows
     */
    public static MachineView of(String typeName, ObjectNode tree) {
        Machine machine = Machine.of(typeName);
        if (tree == null || machine == null) {
            return new MachineView(null, List.of());
        }
        if (machine.field() == null) {
            return new MachineView(null, List.copyOf(machine.actions()));
        }
        JsonNode value = tree.get(machine.field());
        String state = value == null || value.isNull() ? null : value.asText();
        return new MachineView(state, machine.allowed(state));
    }

    /** @return the state field's value, or {@code null} for a type without a machine */
    public String state() {
        return state;
    }

    /** @return the actions the state handles: its transitions in the machine's order, then the free actions */
    public List<String> allowed() {
        return allowed;
    }

    /**
     * @param action an action's name
     * @return whether the state handles it
     */
    public boolean can(String action) {
        return allowed.contains(action);
    }

    /**
     * @param name a state's name
     * @return whether the machine is in that state
     */
    public boolean matches(String name) {
        return state != null && state.equals(name);
    }
}
