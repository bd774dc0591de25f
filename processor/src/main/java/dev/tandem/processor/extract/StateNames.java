package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/** The state names of a machine's enum, and the check of the names an annotation gives. */
final class StateNames {

    private final Context context;
    private final TypeElement owner;
    private final String enumName;
    private final List<String> all = new ArrayList<>();
    private List<String> terminal = List.of();

    StateNames(Context context, TypeElement owner, VariableElement field) {
        this.context = context;
        this.owner = owner;
        TypeElement enumType = (TypeElement) ((DeclaredType) field.asType()).asElement();
        this.enumName = enumType.getSimpleName().toString();
        for (Element e : enumType.getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                all.add(e.getSimpleName().toString());
            }
        }
    }

    List<String> all() {
        return all;
    }

    void terminal(List<String> names) {
        terminal = names;
    }

    /** @return the name if it is a state, else {@code null} after reporting it */
    String one(Element element, AnnotationMirror mirror, String what, String name) {
        return sorted(element, mirror, what, List.of(name), false).stream().findFirst().orElse(null);
    }

    /**
     * @param star whether {@code "*"} (every non-terminal state) is allowed
     * @return the valid names, without duplicates, in enum order; unknown ones are reported
     */
    List<String> sorted(Element element, AnnotationMirror mirror, String what, List<String> names, boolean star) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (star && name.equals("*")) {
                all.stream().filter(s -> !terminal.contains(s)).forEach(found::add);
            } else if (all.contains(name)) {
                found.add(name);
            } else {
                String where = element instanceof TypeElement ? element.getSimpleName().toString()
                        : owner.getSimpleName() + "." + element.getSimpleName()
                        + (element.getKind() == ElementKind.METHOD ? "()" : "");
                context.reporter().error(Diagnostic.STATE_UNKNOWN, element, mirror, what, where, name, enumName,
                        String.join(", ", all), star ? ", or \"*\" for every non-terminal state" : "");
            }
        }
        return all.stream().filter(found::contains).toList();
    }
}
