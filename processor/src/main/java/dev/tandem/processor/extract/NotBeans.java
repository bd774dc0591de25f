package dev.tandem.processor.extract;

import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Recognises constructor parameter types that can't be beans, so the runtime could never supply
 * them: primitives, arrays, boxes, strings, enums, records, collections and the JDK's value
 * classes. Interfaces and the application's classes may be beans and are left alone, and so is a
 * record carrying a bean annotation (such as {@code @Singleton} or {@code @ConfigurationProperties}).
 */
final class NotBeans {

    private static final Set<String> JDK_VALUES = Set.of("java.lang.Object", "java.lang.String",
            "java.lang.CharSequence", "java.lang.Number", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character",
            "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.util.Optional",
            "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble", "java.util.Date",
            "java.util.Locale", "java.util.Currency", "java.lang.Iterable", "java.net.URI", "java.net.URL",
            "java.nio.file.Path", "java.io.File");
    /** Packages whose annotations make a class a bean (scopes, {@code @Bean}, configuration). */
    private static final Set<String> BEAN_ANNOTATION_PACKAGES = Set.of("jakarta.inject", "javax.inject",
            "io.micronaut.context.annotation", "io.micronaut.runtime.context.scope");

    private final Elements elements;
    private final Types types;

    NotBeans(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * @param type a constructor parameter's type
     * @return what it is, like "a String" or "the record Settings", if it can't be a bean; else {@code null}
     */
    String describe(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return article(type.toString());
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return "an array (" + type + ")";
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String qualified = element.getQualifiedName().toString();
        String simple = element.getSimpleName().toString();
        if (element.getKind() == ElementKind.ENUM) {
            return "the enum " + simple;
        }
        if (element.getKind() == ElementKind.RECORD && !beanAnnotated(element)) {
            return "the record " + simple;
        }
        if (JDK_VALUES.contains(qualified) || isJavaTimeValue(qualified) || isCollection(type)) {
            return article(simple);
        }
        return null;
    }

    /** java.time types are values, except the clocks an application may provide as beans. */
    private static boolean isJavaTimeValue(String qualified) {
        return qualified.startsWith("java.time.") && !qualified.equals("java.time.Clock")
                && !qualified.equals("java.time.InstantSource");
    }

    private boolean isCollection(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        for (String name : new String[] {"java.util.Collection", "java.util.Map"}) {
            TypeElement collection = elements.getTypeElement(name);
            if (collection != null && types.isAssignable(erased, types.erasure(collection.asType()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean beanAnnotated(TypeElement element) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) a.getAnnotationType().asElement();
            String name = annotation.getQualifiedName().toString();
            if (BEAN_ANNOTATION_PACKAGES.contains(name.substring(0, Math.max(0, name.lastIndexOf('.'))))) {
                return true;
            }
        }
        return false;
    }

    /** "an int", "an Integer", "a UUID": a capital U is read "you". */
    private static String article(String word) {
        return ("aeiouAEIO".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
