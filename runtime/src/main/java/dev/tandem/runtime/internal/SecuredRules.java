package dev.tandem.runtime.internal;

import dev.tandem.Caller;
import java.util.List;

/**
 * Micronaut Security's {@code @Secured} values as Tandem honours them: the rules
 * {@code isAuthenticated()}, {@code isAnonymous()}, {@code permitAll()}, {@code denyAll()}, and any
 * other value is a role. A caller is admitted if any value admits it, as in Micronaut.
 */
final class SecuredRules {

    private SecuredRules() {
    }

    static boolean admit(List<String> values, Caller caller) {
        for (String value : values) {
            boolean admitted = switch (value) {
                case "permitAll()", "isAnonymous()" -> true; // Micronaut: isAnonymous() lets anyone in
                case "denyAll()" -> false;
                case "isAuthenticated()" -> caller.authenticated();
                default -> caller.authenticated() && caller.roles().contains(value);
            };
            if (admitted) {
                return true;
            }
        }
        return false;
    }

    /** @return for messages, for example {@code @Secured("admin", "approver")} */
    static String describe(List<String> values) {
        return "@Secured(\"" + String.join("\", \"", values) + "\")";
    }
}
