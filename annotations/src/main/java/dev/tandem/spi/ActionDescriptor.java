package dev.tandem.spi;

import java.util.List;

/**
 * One {@code @Action} of a live-object class.
 *
 * @param name the action's name
 * @param parameters the parameters a client sends, in order ({@code Caller} is not among them)
 */
public record ActionDescriptor(String name, List<ParameterDescriptor> parameters) {

    /** Copies the parameter list. */
    public ActionDescriptor {
        parameters = List.copyOf(parameters);
    }

    /** @return a signature for messages, for example {@code play(cell: int)} */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(parameters.get(i).name()).append(": ").append(parameters.get(i).type());
        }
        return sb.append(')').toString();
    }
}
