package dev.tandem.codegen.model;

import java.util.List;

/**
 * An action.
 *
 * @param name its name
 * @param parameters what the client sends, in order
 * @param returns its result type, or {@code null} for none
 * @param doc its documentation, or an empty string
 */
public record ActionModel(String name, List<Member> parameters, TypeUse returns, String doc) {

    /** Copies the list. */
    public ActionModel {
        parameters = List.copyOf(parameters);
    }
}
