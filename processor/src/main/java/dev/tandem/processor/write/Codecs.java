package dev.tandem.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.tandem.processor.model.ScalarKind;
import dev.tandem.processor.model.TypeRef;

/**
 * The one place that knows which method reads and writes each type: {@code Scalars}, {@code Times}
 * and {@code PrimitiveArrays} for built-in types, the generated {@code XJson} class for the rest.
 * Readers of reference types accept absent values and give {@code null}.
 */
final class Codecs {

    private final ClassName json;

    /** @param json the generated codec class of the live object */
    Codecs(ClassName json) {
        this.json = json;
    }

    /** @return a method reference usable as {@code Json.Reader<T>} */
    CodeBlock reader(TypeRef type) {
        return CodeBlock.of("$T::$L", owner(type), "read" + suffix(type));
    }

    /** @return a method reference usable as {@code Json.Writer<T>} */
    CodeBlock writer(TypeRef type) {
        return CodeBlock.of("$T::$L", owner(type), writerName(type));
    }

    /** @return an expression decoding {@code node} */
    CodeBlock read(TypeRef type, CodeBlock node) {
        return CodeBlock.of("$T.$L($L)", owner(type), "read" + suffix(type), node);
    }

    /** @return an expression encoding {@code value} */
    CodeBlock write(TypeRef type, CodeBlock value) {
        return CodeBlock.of("$T.$L($L)", owner(type), writerName(type), value);
    }

    /** @return whether the type gets reader and writer methods in the generated codec class */
    static boolean generated(TypeRef type) {
        return !(type instanceof TypeRef.Scalar) && !(type instanceof TypeRef.ArrayOf a && a.isPrimitiveArray());
    }

    private ClassName owner(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return s.kind().family() == ScalarKind.Family.TIMES ? GeneratedNames.TIMES : GeneratedNames.SCALARS;
        }
        if (type instanceof TypeRef.ArrayOf a && a.isPrimitiveArray()) {
            return GeneratedNames.PRIMITIVE_ARRAYS;
        }
        return json;
    }

    private static String writerName(TypeRef type) {
        if (type instanceof TypeRef.Scalar s && s.kind().family() == ScalarKind.Family.TIMES) {
            return "write";
        }
        return "write" + suffix(type);
    }

    private static String suffix(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            boolean boxed = s.kind().hasPrimitive() && !s.primitive();
            return s.kind().codecName() + (boxed ? "OrNull" : "");
        }
        if (type instanceof TypeRef.ArrayOf a && a.isPrimitiveArray()) {
            return ((TypeRef.Scalar) a.component().type()).kind().codecName() + "Array";
        }
        return type.codecName();
    }
}
