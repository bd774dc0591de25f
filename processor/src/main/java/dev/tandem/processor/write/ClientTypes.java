package dev.tandem.processor.write;

import dev.tandem.processor.model.ActionModel;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.PropertyModel;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.ValueType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value types a client can meet: those reachable from the fields it sees, the views, and the
 * actions' parameters and results. A type used only by {@code @ServerOnly} fields stays out of the
 * model document, so not even its shape reaches clients.
 */
final class ClientTypes {

    private final Map<String, ValueType> all;
    private final Map<String, ValueType> reached = new TreeMap<>();

    private ClientTypes(Map<String, ValueType> all) {
        this.all = all;
    }

    /**
     * @param model a live object
     * @return its client-visible value types, keyed and sorted by canonical name
     */
    static Map<String, ValueType> of(LiveObjectModel model) {
        ClientTypes walk = new ClientTypes(model.valueTypes());
        model.clientFields().forEach(f -> walk.add(f.type().type()));
        model.views().forEach(v -> walk.add(v.type().type()));
        for (ActionModel a : model.actions()) {
            a.clientParameters().forEach(p -> walk.add(p.type().type()));
            if (!a.isVoid()) {
                walk.add(a.returns().type());
            }
        }
        return walk.reached;
    }

    private void add(TypeRef type) {
        if (type instanceof TypeRef.CollectionOf c) {
            add(c.element().type());
        } else if (type instanceof TypeRef.ArrayOf a) {
            add(a.component().type());
        } else if (type instanceof TypeRef.OptionalOf o) {
            add(o.value().type());
        } else if (type instanceof TypeRef.MapOf m) {
            add(m.key());
            add(m.value().type());
        } else if (type instanceof TypeRef.Named n) {
            String name = n.className().canonicalName();
            ValueType value = all.get(name);
            if (value != null && reached.put(name, value) == null) {
                properties(value).forEach(p -> add(p.type().type()));
            }
        }
    }

    private static List<PropertyModel> properties(ValueType type) {
        if (type instanceof ValueType.RecordType r) {
            return r.properties();
        }
        return type instanceof ValueType.BeanType b ? b.properties() : List.of();
    }
}
