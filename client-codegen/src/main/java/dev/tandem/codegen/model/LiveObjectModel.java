package dev.tandem.codegen.model;

import java.util.List;
import java.util.Map;

/**
 * One live-object type, as its model document describes it.
 *
 * @param typeName the name in URLs
 * @param name a name for generated code, like {@code TicTacToe}
 * @param javaClass the class's canonical name
 * @param doc its documentation, or an empty string
 * @param fields its state, in declaration order
 * @param actions its actions, sorted by name
 * @param types the value types it uses, by Java name, sorted
 * @param views its per-viewer properties ({@code @View}), in declaration order
 * @param machine its state machine, or {@code null} when it has no {@code @State} field
 */
public record LiveObjectModel(String typeName, String name, String javaClass, String doc, List<Member> fields,
        List<ActionModel> actions, Map<String, NamedType> types, List<Member> views, MachineModel machine) {

    /**
     * A type without a state machine.
     *
     * @param typeName the name in URLs
     * @param name a name for generated code
     * @param javaClass the class's canonical name
     * @param doc its documentation, or an empty string
     * @param fields its state, in declaration order
     * @param actions its actions, sorted by name
     * @param types the value types it uses
     * @param views its per-viewer properties
     */
    public LiveObjectModel(String typeName, String name, String javaClass, String doc, List<Member> fields,
            List<ActionModel> actions, Map<String, NamedType> types, List<Member> views) {
        this(typeName, name, javaClass, doc, fields, actions, types, views, null);
    }

    /**
     * A type without views.
     *
     * @param typeName the name in URLs
     * @param name a name for generated code
     * @param javaClass the class's canonical name
     * @param doc its documentation, or an empty string
     * @param fields its state, in declaration order
     * @param actions its actions, sorted by name
     * @param types the value types it uses
     */
    public LiveObjectModel(String typeName, String name, String javaClass, String doc, List<Member> fields,
            List<ActionModel> actions, Map<String, NamedType> types) {
        this(typeName, name, javaClass, doc, fields, actions, types, List.of(), null);
    }

    /** Copies the collections. */
    public LiveObjectModel {
        views = List.copyOf(views);
        fields = List.copyOf(fields);
        actions = List.copyOf(actions);
        types = Map.copyOf(types);
    }
}
