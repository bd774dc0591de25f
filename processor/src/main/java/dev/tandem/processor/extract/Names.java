package dev.tandem.processor.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Naming rules: default type names, valid type names, and names the generated code can't use. */
final class Names {

    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Methods of Object: a record component or generated method can't take these names. */
    static final Set<String> OBJECT_METHODS = Set.of(
            "clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private Names() {
    }

    /**
     * @param simpleName a class's simple name
     * @return its kebab-case form: {@code TicTacToe} gives {@code tic-tac-toe}, {@code HTTPServer}
     *     gives {@code http-server}
     */
    static String kebabCase(String simpleName) {
        String dashed = simpleName
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replace('_', '-')
                .replace('$', '-');
        return dashed.toLowerCase(Locale.ROOT).replaceAll("-+", "-").replaceAll("^-|-$", "");
    }

    /**
     * @param typeName a candidate type name
     * @return whether it is lowercase letters, digits and single dashes, starting with a letter
     */
    static boolean isValidTypeName(String typeName) {
        return TYPE_NAME.matcher(typeName).matches();
    }

    /**
     * @param name a name
     * @return the name with its first letter in upper case
     */
    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
