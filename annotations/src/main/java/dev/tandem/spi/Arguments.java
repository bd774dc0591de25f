package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * The arguments of one action call, checked against the action's parameters: either a JSON array
 * (by position) or a JSON object (by parameter name). Generated dispatch code uses it to decode
 * each parameter with a message that names the parameter when it does not fit.
 */
public final class Arguments {

    private final ActionDescriptor action;
    private final JsonNode[] values;

    private Arguments(ActionDescriptor action, JsonNode[] values) {
        this.action = action;
        this.values = values;
    }

    /**
     * @param action the action being called
     * @param arguments what the client sent: an array, an object, or null / missing for none
     * @return the arguments, one per parameter
     * @throws BadArgumentsException if the count or the names do not match the parameters
     */
    public static Arguments of(ActionDescriptor action, JsonNode arguments) {
        List<ParameterDescriptor> params = action.parameters();
        JsonNode[] values = new JsonNode[params.size()];
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            if (!params.isEmpty()) {
                throw new BadArgumentsException(action, null, "expected " + count(params.size()) + ", got none");
            }
        } else if (arguments.isArray()) {
            if (arguments.size() != params.size()) {
                throw new BadArgumentsException(action, null,
                        "expected " + count(params.size()) + ", got " + arguments.size());
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(i);
            }
        } else if (arguments.isObject()) {
            for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (indexOf(params, name) < 0) {
                    throw new BadArgumentsException(action, name, "no parameter named '" + name + "'; "
                            + (params.isEmpty() ? "it takes none" : "parameters: " + names(params)));
                }
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(params.get(i).name());
                if (values[i] == null) {
                    throw new BadArgumentsException(action, params.get(i).name(),
                            "missing argument '" + params.get(i).name() + "'");
                }
            }
        } else {
            throw new BadArgumentsException(action, null,
                    "arguments must be a JSON array (by position) or object (by name), got " + Json.describe(arguments));
        }
        return new Arguments(action, values);
    }

    /**
     * Decodes one argument; JSON null becomes {@code null} (or fails for a primitive).
     *
     * @param index the parameter's position
     * @param reader the parameter type's decoder
     * @param <V> the parameter type
     * @return the decoded value
     * @throws BadArgumentsException naming the parameter if the value does not fit
     */
    public <V> V get(int index, Json.Reader<V> reader) {
        try {
            return reader.read(values[index]);
        } catch (JsonDecodeException e) {
            throw mismatch(index, e);
        }
    }

    /**
     * Decodes one argument that must not be null.
     *
     * @param index the parameter's position
     * @param reader the parameter type's decoder
     * @param <V> the parameter type
     * @return the decoded value, never {@code null}
     * @throws BadArgumentsException naming the parameter if the value is null or does not fit
     */
    public <V> V getNonNull(int index, Json.Reader<V> reader) {
        if (values[index].isNull()) {
            ParameterDescriptor p = action.parameters().get(index);
            throw new BadArgumentsException(action, p.name(),
                    "argument '" + p.name() + "' expected " + p.type() + ", got null");
        }
        return get(index, reader);
    }

    private BadArgumentsException mismatch(int index, JsonDecodeException e) {
        String name = action.parameters().get(index).name();
        String where = e.path().isEmpty() ? "" : " at " + e.path();
        return new BadArgumentsException(action, name,
                "argument '" + name + "'" + where + " expected " + e.expected() + ", got " + e.actual());
    }

    private static int indexOf(List<ParameterDescriptor> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<ParameterDescriptor> params) {
        StringBuilder sb = new StringBuilder();
        for (ParameterDescriptor p : params) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.name());
        }
        return sb.toString();
    }

    private static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }
}
