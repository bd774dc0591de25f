package dev.tandem.spi;

import java.util.List;

/**
 * One {@code @Action} of a live-object class.
 *
 * @param name the action's name
 * @param parameters the parameters a client sends, in order ({@code Caller} is not among them)
 * @param secured the values of Micronaut Security's {@code @Secured} on the action (or else on its
 *     class): roles and rules such as {@code isAuthenticated()}, any of which admits a caller; empty
 *     when neither has one
 */
public record ActionDescriptor(String name, List<ParameterDescriptor> parameters, List<String> secured) {

    /** Copies the lists. */
    public ActionDescriptor {
        parameters = List.copyOf(parameters);
        secured = List.copyOf(secured);
    }

    /**
     * An action without {@code @Secured}.
     *
     * @param name the action's name
     * @param parameters the parameters a client sends, in order
     */
    public ActionDescriptor(String name, List<ParameterDescriptor> parameters) {
        this(name, parameters, List.of());
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
