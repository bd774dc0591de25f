package dev.tandem.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * A Java type that maps to JSON, as used by a field, a parameter, a return value or a property of a
 * value type. Every variant knows its Java type, a display form for messages, and the name its
 * generated reader and writer are built from ({@code ListOfString} gives {@code readListOfString}).
 */
public sealed interface TypeRef {

    /** @return the Java type as declared */
    TypeName javaType();

    /** @return a short Java-like form for messages, for example {@code Map<String, Cursor>} */
    String display();

    /** @return the name part of this type's generated reader and writer */
    String codecName();

    /**
     * A scalar: one JSON value.
     *
     * @param kind which scalar
     * @param primitive whether the Java type is the primitive form (for example {@code int}, not
     *     {@code Integer})
     */
    record Scalar(ScalarKind kind, boolean primitive) implements TypeRef {
        @Override
        public TypeName javaType() {
            return primitive ? kind.type() : kind.type().box();
        }

        @Override
        public String display() {
            return javaType() instanceof ClassName c ? c.simpleName() : javaType().toString();
        }

        @Override
        public String codecName() {
            return ((ClassName) kind.type().box()).simpleName();
        }
    }

    /**
     * A value type of the application: a record, a class with a no-argument constructor, or an
     * enum; its definition is in {@link LiveObjectModel#valueTypes()}.
     *
     * @param className the type
     * @param codecName its unique name among the model's value types
     */
    record Named(ClassName className, String codecName) implements TypeRef {
        @Override
        public TypeName javaType() {
            return className;
        }

        @Override
        public String display() {
            return String.join(".", className.simpleNames());
        }
    }

    /**
     * A collection, as a JSON array.
     *
     * @param kind the declared collection type
     * @param element the element type
     */
    record CollectionOf(CollectionKind kind, TypeUse element) implements TypeRef {
        @Override
        public TypeName javaType() {
            return ParameterizedTypeName.get(kind.declared(), element.type().javaType().box());
        }

        @Override
        public String display() {
            return kind.declared().simpleName() + "<" + element.type().display() + ">";
        }

        @Override
        public String codecName() {
            return kind.declared().simpleName() + "Of" + element.type().codecName();
        }
    }

    /**
     * An array, as a JSON array.
     *
     * @param component the component type
     */
    record ArrayOf(TypeUse component) implements TypeRef {
        @Override
        public TypeName javaType() {
            return ArrayTypeName.of(component.type().javaType());
        }

        @Override
        public String display() {
            return component.type().display() + "[]";
        }

        @Override
        public String codecName() {
            TypeRef c = component.type();
            String name = c instanceof Scalar s && s.primitive() ? s.kind().codecName() : c.codecName();
            return "ArrayOf" + name;
        }

        /** @return whether this is an array of a primitive, read and written by {@code PrimitiveArrays} */
        public boolean isPrimitiveArray() {
            return component.type() instanceof Scalar s && s.primitive();
        }
    }

    /**
     * A map with string or enum keys, as a JSON object.
     *
     * @param kind the declared map type
     * @param key the key type: {@code String} or an enum
     * @param value the value type
     */
    record MapOf(MapKind kind, TypeRef key, TypeUse value) implements TypeRef {
        @Override
        public TypeName javaType() {
            return ParameterizedTypeName.get(kind.declared(), key.javaType().box(), value.type().javaType().box());
        }

        @Override
        public String display() {
            return kind.declared().simpleName() + "<" + key.display() + ", " + value.type().display() + ">";
        }

        @Override
        public String codecName() {
            return kind.declared().simpleName() + "Of" + key.codecName() + "To" + value.type().codecName();
        }
    }

    /**
     * An {@code Optional}: the value, or JSON null when empty.
     *
     * @param value the value type
     */
    record OptionalOf(TypeUse value) implements TypeRef {
        @Override
        public TypeName javaType() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Optional"), value.type().javaType().box());
        }

        @Override
        public String display() {
            return "Optional<" + value.type().display() + ">";
        }

        @Override
        public String codecName() {
            return "OptionalOf" + value.type().codecName();
        }
    }
}
