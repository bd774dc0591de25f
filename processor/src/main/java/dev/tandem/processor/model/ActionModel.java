package dev.tandem.processor.model;

import java.util.List;

/**
 * One {@code @Action} of a live-object class.
 *
 * @param name the method's name, also the action's name
 * @param parameters all parameters in order, including the {@code Caller} if declared
 * @param returns the return type, or {@code null} for {@code void}
 * @param throwsChecked whether the method declares checked exceptions
 * @param doc its javadoc, or an empty string
 */
public record ActionModel(String name, List<ParameterModel> parameters, TypeUse returns, boolean throwsChecked,
        String doc) {

    /** Copies the list. */
    public ActionModel {
        parameters = List.copyOf(parameters);
    }

    /** @return the parameters a client sends, in order */
    public List<ParameterModel> clientParameters() {
        return parameters.stream().filter(p -> !p.caller()).toList();
    }

    /** @return whether the action returns nothing */
    public boolean isVoid() {
        return returns == null;
    }
}
