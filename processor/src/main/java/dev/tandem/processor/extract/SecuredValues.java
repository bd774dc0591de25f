package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reads Micronaut Security's {@code @Secured} from an element by its qualified name, so that the
 * processor works whether or not Micronaut Security is on its classpath, and checks its values.
 */
final class SecuredValues {

    /** Micronaut Security's annotation. */
    static final String SECURED = "io.micronaut.security.annotation.Secured";
    /** The {@code SecurityRule} constants Tandem honours; any other value is a role. */
    static final Set<String> RULES = Set.of("isAuthenticated()", "isAnonymous()", "permitAll()", "denyAll()");

    private SecuredValues() {
    }

    /** The JSR-250 annotations Micronaut Security honours on controllers, which Tandem does not read. */
    private static final List<String> JSR_250 = List.of("RolesAllowed", "PermitAll", "DenyAll");

    /**
     * Reports JSR-250 security annotations ({@code jakarta.annotation.security.*} or
     * {@code javax.annotation.security.*}) on {@code element}: Tandem would not check them, so the
     * element would be open to everyone while its author believes it guarded.
     */
    static void refuseJsr250(Context context, Element element, String where) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            String name = m.getAnnotationType().toString();
            for (String simple : JSR_250) {
                if (name.equals("jakarta.annotation.security." + simple) || name.equals("javax.annotation.security." + simple)) {
                    String instead = switch (simple) {
                        case "PermitAll" -> "@Secured(SecurityRule.PERMIT_ALL)";
                        case "DenyAll" -> "@Secured(SecurityRule.DENY_ALL)";
                        default -> "@Secured with the same roles, like @Secured(\"admin\")";
                    };
                    context.reporter().error(Diagnostic.SECURITY_ANNOTATION_IGNORED, element, m, simple, where, instead);
                }
            }
        }
    }

    static AnnotationMirror mirror(Element element) {
        return Annotations.mirror(element, SECURED);
    }

    /**
     * @param element a class or method
     * @param where the element for messages
     * @return its {@code @Secured} values, or {@code null} without the annotation; an error is
     *     reported for an empty list and for an unknown rule
     */
    static List<String> of(Context context, Element element, String where) {
        AnnotationMirror secured = mirror(element);
        if (secured == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Object value = Annotations.value(secured, "value");
        if (value instanceof List<?> list) {
            for (Object v : list) {
                values.add(String.valueOf(((AnnotationValue) v).getValue()));
            }
        } else if (value != null) {
            values.add(value.toString());
        }
        if (values.isEmpty()) {
            context.reporter().error(Diagnostic.SECURED_EMPTY, element, secured, where);
        }
        for (String v : values) {
            if (v.contains("(") && !RULES.contains(v) || v.isBlank()) {
                context.reporter().error(Diagnostic.SECURED_UNKNOWN_RULE, element, secured, where, v);
            }
        }
        return values;
    }
}
