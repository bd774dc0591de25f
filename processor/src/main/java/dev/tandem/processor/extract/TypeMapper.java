package dev.tandem.processor.extract;

import dev.tandem.processor.model.CollectionKind;
import dev.tandem.processor.model.MapKind;
import dev.tandem.processor.model.ScalarKind;
import dev.tandem.processor.model.TypeRef;
import dev.tandem.processor.model.TypeUse;
import dev.tandem.processor.model.ValueType;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Maps the Java types of one live-object class to {@link TypeRef}s, collecting the value types
 * (records, plain classes, enums) they use. A type that can't be mapped gives an
 * {@link UnsupportedTypeException} whose message says why and what to use instead.
 */
final class TypeMapper {

    private static final Map<String, ScalarKind> SCALARS = Map.ofEntries(
            Map.entry("java.lang.Boolean", ScalarKind.BOOLEAN), Map.entry("java.lang.Byte", ScalarKind.BYTE),
            Map.entry("java.lang.Short", ScalarKind.SHORT), Map.entry("java.lang.Integer", ScalarKind.INT),
            Map.entry("java.lang.Long", ScalarKind.LONG), Map.entry("java.lang.Float", ScalarKind.FLOAT),
            Map.entry("java.lang.Double", ScalarKind.DOUBLE), Map.entry("java.lang.Character", ScalarKind.CHAR),
            Map.entry("java.lang.String", ScalarKind.STRING), Map.entry("java.util.UUID", ScalarKind.UUID),
            Map.entry("java.math.BigDecimal", ScalarKind.BIG_DECIMAL),
            Map.entry("java.math.BigInteger", ScalarKind.BIG_INTEGER),
            Map.entry("java.time.Instant", ScalarKind.INSTANT), Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE),
            Map.entry("java.time.LocalTime", ScalarKind.LOCAL_TIME),
            Map.entry("java.time.LocalDateTime", ScalarKind.LOCAL_DATE_TIME),
            Map.entry("java.time.OffsetDateTime", ScalarKind.OFFSET_DATE_TIME),
            Map.entry("java.time.ZonedDateTime", ScalarKind.ZONED_DATE_TIME),
            Map.entry("java.time.Duration", ScalarKind.DURATION), Map.entry("java.time.Period", ScalarKind.PERIOD));

    static final String SUPPORTED = "supported are primitives and their boxes, String, enums, records, classes with a"
            + " no-argument constructor, List, Set, arrays, Map with String or enum keys, Optional, UUID, BigDecimal,"
            + " BigInteger and java.time types";

    private final ValueTypes valueTypes;

    TypeMapper(ValueTypes valueTypes) {
        this.valueTypes = valueTypes;
    }

    /** @return the value types met so far, keyed by qualified name */
    Map<String, ValueType> valueTypes() {
        return valueTypes.definitions();
    }

    /**
     * @param type a type
     * @param nullable whether the place it is used may hold null (ignored for primitives)
     * @return the type where it is used
     * @throws UnsupportedTypeException if the type can't be mapped to JSON
     */
    TypeUse use(TypeMirror type, boolean nullable) throws UnsupportedTypeException {
        TypeRef ref = map(type);
        return new TypeUse(ref, nullable && !(ref instanceof TypeRef.Scalar s && s.primitive()));
    }

    /**
     * @param type a type
     * @return its mapping
     * @throws UnsupportedTypeException if the type can't be mapped to JSON
     */
    TypeRef map(TypeMirror type) throws UnsupportedTypeException {
        switch (type.getKind()) {
            case BOOLEAN: return new TypeRef.Scalar(ScalarKind.BOOLEAN, true);
            case BYTE: return new TypeRef.Scalar(ScalarKind.BYTE, true);
            case SHORT: return new TypeRef.Scalar(ScalarKind.SHORT, true);
            case INT: return new TypeRef.Scalar(ScalarKind.INT, true);
            case LONG: return new TypeRef.Scalar(ScalarKind.LONG, true);
            case FLOAT: return new TypeRef.Scalar(ScalarKind.FLOAT, true);
            case DOUBLE: return new TypeRef.Scalar(ScalarKind.DOUBLE, true);
            case CHAR: return new TypeRef.Scalar(ScalarKind.CHAR, true);
            case ARRAY: return array((ArrayType) type);
            case DECLARED: return declared((DeclaredType) type);
            case ERROR: throw new UnresolvedTypeException();
            case TYPEVAR: throw new UnsupportedTypeException("type variable " + type
                    + " has no JSON shape of its own. Use a concrete type.");
            case WILDCARD: throw new UnsupportedTypeException("wildcard " + type
                    + " has no JSON shape of its own. Use the concrete type, like List<Item> instead of List<? extends Item>.");
            default: throw new UnsupportedTypeException(type + " is not a data type; " + SUPPORTED + ".");
        }
    }

    private TypeRef array(ArrayType type) throws UnsupportedTypeException {
        TypeMirror component = type.getComponentType();
        if (component.getKind() == TypeKind.DECLARED && !((DeclaredType) component).getTypeArguments().isEmpty()) {
            throw new UnsupportedTypeException("Java can't create arrays of generic types like " + type
                    + ". Use a List instead.");
        }
        return new TypeRef.ArrayOf(use(component, Nullability.nullable(component)));
    }

    private TypeRef declared(DeclaredType type) throws UnsupportedTypeException {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> args = type.getTypeArguments();
        if (!element.getTypeParameters().isEmpty() && args.isEmpty()) {
            throw new UnsupportedTypeException("it is a raw " + element.getSimpleName()
                    + ", so the type of its contents is unknown. Give it type arguments, like "
                    + element.getSimpleName() + (MapKind.of(name) != null ? "<String, Integer>." : "<String>."));
        }
        ScalarKind scalar = SCALARS.get(name);
        if (scalar != null) {
            return new TypeRef.Scalar(scalar, false);
        }
        if (name.equals("java.util.Optional")) {
            return new TypeRef.OptionalOf(argument(args.get(0)));
        }
        CollectionKind collection = CollectionKind.of(name);
        if (collection != null) {
            return new TypeRef.CollectionOf(collection, argument(args.get(0)));
        }
        MapKind map = MapKind.of(name);
        if (map != null) {
            return new TypeRef.MapOf(map, mapKey(type, args.get(0)), argument(args.get(1)));
        }
        if (name.equals("java.lang.Object")) {
            throw new UnsupportedTypeException("Object can hold anything, so its JSON shape is unknown."
                    + " Use a concrete type, such as a record.");
        }
        return valueTypes.named(type, element, this);
    }

    private TypeUse argument(TypeMirror arg) throws UnsupportedTypeException {
        return use(arg, Nullability.nullable(arg));
    }

    private TypeRef mapKey(DeclaredType map, TypeMirror key) throws UnsupportedTypeException {
        TypeRef ref = map(key);
        boolean isString = ref instanceof TypeRef.Scalar s && s.kind() == ScalarKind.STRING;
        boolean isEnum = key.getKind() == TypeKind.DECLARED
                && ((DeclaredType) key).asElement().getKind() == ElementKind.ENUM;
        if (!isString && !isEnum) {
            throw new UnsupportedTypeException("the keys of " + map + " are " + key
                    + ", but JSON object keys are strings. Use String or an enum as the key type.");
        }
        return ref;
    }

    static boolean isAbstract(TypeElement element) {
        return element.getModifiers().contains(Modifier.ABSTRACT);
    }
}
