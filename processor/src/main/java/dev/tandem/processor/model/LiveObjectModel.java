package dev.tandem.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writers need about one {@code @LiveObject} class, validated.
 *
 * @param element the class, kept only as the originating element of generated files
 * @param className the class
 * @param typeName the type name used in URLs and clients
 * @param doc the class's javadoc, or an empty string
 * @param fields the {@code @Field}s, in declaration order
 * @param actions the {@code @Action}s, sorted by name
 * @param constructor the parameters of the constructor to call
 * @param onCreate the {@code @OnCreate} method, or {@code null}
 * @param onConnect the {@code @OnConnect} method, or {@code null}
 * @param onDisconnect the {@code @OnDisconnect} method, or {@code null}
 * @param onJoin the {@code @OnJoin} method, or {@code null}
 * @param onLeave the {@code @OnLeave} method, or {@code null}
 * @param timers the {@code @OnTimer} methods, sorted by name
 * @param valueTypes the value types used, directly or nested, keyed by qualified name, sorted
 * @param views the {@code @View} methods, in declaration order
 * @param access who may read and call what
 * @param machine the state machine, or {@code null} when the class has no {@code @State}
 * @param versions the schema version and migrations of the stored state
 */
public record LiveObjectModel(TypeElement element, ClassName className, String typeName, String doc,
        List<FieldModel> fields, List<ActionModel> actions, List<InjectionPoint> constructor, HookModel onCreate,
        HookModel onConnect, HookModel onDisconnect, HookModel onJoin, HookModel onLeave, List<HookModel> timers,
        Map<String, ValueType> valueTypes, List<ViewModel> views, AccessModel access, MachineModel machine,
        VersionModel versions) {

    /** Copies the collections. */
    public LiveObjectModel {
        fields = List.copyOf(fields);
        actions = List.copyOf(actions);
        constructor = List.copyOf(constructor);
        timers = List.copyOf(timers);
        views = List.copyOf(views);
        valueTypes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(valueTypes));
    }

    /** @return the fields clients see: all but the {@code @ServerOnly} ones, in declaration order */
    public List<FieldModel> clientFields() {
        return fields.stream().filter(f -> !f.serverOnly()).toList();
    }

    /** @return the class's simple names joined by {@code _}, the stem of every generated name */
    public String stem() {
        return String.join("_", className.simpleNames());
    }
}
