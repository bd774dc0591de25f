package dev.tandem.processor.write;

import dev.tandem.processor.model.CollectionKind;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.MapKind;
import dev.tandem.processor.model.PropertyModel;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.ValueType;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses how the runtime finds a field's changes ({@code StateAccess.Tracking}): by equality for
 * scalars and enums, by reference for immutable values, by recording the positions or keys a turn
 * touched for lists and maps of immutable values, and by comparing the whole field as JSON for the
 * rest (plain classes, arrays, sets, nested collections), whose contents can change in place.
 */
final class TrackingKinds {

    private final LiveObjectModel model;

    TrackingKinds(LiveObjectModel model) {
        this.model = model;
    }

    /** @return the name of the {@code StateAccess.Tracking} constant for a field of this type */
    String of(TypeRef type) {
        if (type instanceof TypeRef.Scalar || isEnum(type)) {
            return "SCALAR";
        }
        if (immutable(type, new HashSet<>())) {
            return "IMMUTABLE";
        }
        if (type instanceof TypeRef.CollectionOf c
                && (c.kind() == CollectionKind.LIST || c.kind() == CollectionKind.COLLECTION)
                && immutable(c.element().type(), new HashSet<>())) {
            return "LIST";
        }
        if (type instanceof TypeRef.MapOf m && m.kind() == MapKind.MAP && immutable(m.value().type(), new HashSet<>())) {
            return "MAP";
        }
        return "DIFF";
    }

    /** @return the element type of a {@code LIST} field or the value type of a {@code MAP} field */
    static TypeRef item(TypeRef type) {
        return type instanceof TypeRef.CollectionOf c ? c.element().type() : ((TypeRef.MapOf) type).value().type();
    }

    private boolean isEnum(TypeRef type) {
        return type instanceof TypeRef.Named n
                && model.valueTypes().get(n.className().canonicalName()) instanceof ValueType.EnumType;
    }

    /** Whether no value of the type can change after it is made: what the same reference always encodes the same. */
    private boolean immutable(TypeRef type, Set<String> seen) {
        if (type instanceof TypeRef.Scalar) {
            return true;
        }
        if (type instanceof TypeRef.OptionalOf o) {
            return immutable(o.value().type(), seen);
        }
        if (type instanceof TypeRef.Named n) {
            ValueType v = model.valueTypes().get(n.className().canonicalName());
            if (v instanceof ValueType.EnumType) {
                return true;
            }
            if (v instanceof ValueType.RecordType r) {
                if (!seen.add(r.className().canonicalName())) {
                    return true; // already being checked higher up
                }
                for (PropertyModel p : r.properties()) {
                    if (!immutable(p.type().type(), seen)) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
