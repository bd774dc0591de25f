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
 */
public record LiveObjectModel(String typeName, String name, String javaClass, String doc, List<Member> fields,
        List<ActionModel> actions, Map<String, NamedType> types) {

    /** Copies the collections. */
    public LiveObjectModel {
        fields = List.copyOf(fields);
        actions = List.copyOf(actions);
        types = Map.copyOf(types);
    }
}
