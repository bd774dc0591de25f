package dev.tandem.processor.write;

import dev.tandem.processor.model.ActionModel;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.ParameterModel;
import dev.tandem.processor.model.PropertyModel;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.ValueType;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every type that needs a generated reader and writer in one live object's codec class, found by
 * walking its fields, parameters, results and value types; sorted by name for stable output.
 */
final class TypeCollector {

    final Map<String, TypeRef> types = new TreeMap<>();
    final Set<String> enumKeys = new TreeSet<>();
    private final LiveObjectModel model;

    TypeCollector(LiveObjectModel model) {
        this.model = model;
        for (FieldModel f : model.fields()) {
            add(f.type().type());
        }
        model.views().forEach(v -> add(v.type().type()));
        for (ActionModel a : model.actions()) {
            for (ParameterModel p : a.clientParameters()) {
                add(p.type().type());
            }
            if (!a.isVoid()) {
                add(a.returns().type());
            }
        }
    }

    private void add(TypeRef type) {
        if (!Codecs.generated(type) || types.containsKey(type.codecName())) {
            return;
        }
        types.put(type.codecName(), type);
        if (type instanceof TypeRef.CollectionOf c) {
            add(c.element().type());
        } else if (type instanceof TypeRef.ArrayOf a) {
            add(a.component().type());
        } else if (type instanceof TypeRef.OptionalOf o) {
            add(o.value().type());
        } else if (type instanceof TypeRef.MapOf m) {
            add(m.key());
            add(m.value().type());
            if (m.key() instanceof TypeRef.Named n) {
                enumKeys.add(n.codecName());
            }
        } else if (type instanceof TypeRef.Named n) {
            addProperties(valueType(n));
        }
    }

    private void addProperties(ValueType type) {
        if (type instanceof ValueType.RecordType r) {
            r.properties().forEach(p -> add(p.type().type()));
        } else if (type instanceof ValueType.BeanType b) {
            for (PropertyModel p : b.properties()) {
                add(p.type().type());
            }
        }
    }

    ValueType valueType(TypeRef.Named named) {
        ValueType type = model.valueTypes().get(named.className().canonicalName());
        if (type == null) {
            throw new IllegalStateException("no definition for " + named.className());
        }
        return type;
    }
}
