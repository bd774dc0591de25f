package dev.tandem.codegen;

import dev.tandem.codegen.model.LiveObjectModel;
import dev.tandem.codegen.model.NamedType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names in the generated TypeScript, unique across every model generated together: a live object
 * {@code TicTacToe} gives {@code TicTacToe} (its descriptor), {@code TicTacToeState} and
 * {@code TicTacToeActions}; a value type keeps its model name unless another type has it, then it
 * is prefixed with its package.
 */
final class TypeScriptNames {

    private final Map<String, String> valueTypes = new HashMap<>();
    private final Map<String, NamedType> definitions = new TreeMap<>();

    TypeScriptNames(List<LiveObjectModel> models) {
        Set<String> taken = new HashSet<>();
        for (LiveObjectModel m : models) {
            taken.add(m.name());
            taken.add(m.name() + "State");
            taken.add(m.name() + "Actions");
            m.types().forEach(definitions::putIfAbsent);
        }
        for (NamedType t : definitions.values()) {
            String name = t.name();
            if (!taken.add(name)) {
                StringBuilder prefixed = new StringBuilder();
                String pkg = t.javaName().contains(".") ? t.javaName().substring(0, t.javaName().lastIndexOf('.')) : "";
                for (String part : pkg.split("\\.")) {
                    if (!part.isEmpty()) {
                        prefixed.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                    }
                }
                name = prefixed.append(t.name()).toString();
                taken.add(name);
            }
            valueTypes.put(t.javaName(), name);
        }
    }

    /** @return every value type, by Java name, sorted */
    Map<String, NamedType> definitions() {
        return definitions;
    }

    String of(String javaName) {
        String name = valueTypes.get(javaName);
        if (name == null) {
            throw new IllegalArgumentException("a model refers to " + javaName + ", which no model defines");
        }
        return name;
    }
}
