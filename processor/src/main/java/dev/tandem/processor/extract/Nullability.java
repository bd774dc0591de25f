package dev.tandem.processor.extract;

import java.util.List;
import java.util.Set;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;

/**
 * Recognises nullability annotations by simple name, so that any library's works: JSpecify,
 * Jakarta, JSR-305, Micronaut, JetBrains, Checker Framework.
 */
final class Nullability {

    private static final Set<String> NULLABLE = Set.of("Nullable", "CheckForNull");
    private static final Set<String> NON_NULL = Set.of("NonNull", "Nonnull", "NotNull");

    private Nullability() {
    }

    /**
     * @param constructs an element and/or its type
     * @return whether any of them carries a {@code @Nullable}-style annotation
     */
    static boolean nullable(AnnotatedConstruct... constructs) {
        return has(NULLABLE, constructs);
    }

    /**
     * @param constructs an element and/or its type
     * @return whether any of them carries a {@code @NonNull}-style annotation
     */
    static boolean nonNull(AnnotatedConstruct... constructs) {
        return has(NON_NULL, constructs);
    }

    private static boolean has(Set<String> names, AnnotatedConstruct... constructs) {
        for (AnnotatedConstruct c : constructs) {
            List<? extends AnnotationMirror> mirrors = c.getAnnotationMirrors();
            for (AnnotationMirror m : mirrors) {
                if (names.contains(m.getAnnotationType().asElement().getSimpleName().toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}
