package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.MachineModel;
import dev.tandem.processor.model.TransitionModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Extracts and checks the state machine: the {@code @State} field, every {@code @Transition},
 * {@code @After}, {@code @OnEnter} and {@code @OnExit}. State names are checked against the enum;
 * the graph is checked for unreachable states and states with no way out (warnings) by
 * {@link MachineGraph}.
 */
final class MachineExtractor {

    private final Context context;

    MachineExtractor(Context context) {
        this.context = context;
    }

    /** @return the machine, or {@code null} when the class has none (or errors were reported) */
    MachineModel extract(TypeElement type) {
        VariableElement field = stateField(type);
        List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
        if (field == null) {
            for (ExecutableElement m : methods) {
                for (String a : List.of(Annotations.TRANSITION, Annotations.ON_ENTER, Annotations.ON_EXIT)) {
                    AnnotationMirror mirror = Annotations.mirror(m, a);
                    if (mirror != null) {
                        String simple = Annotations.simpleName(a);
                        context.reporter().error(Diagnostic.TRANSITION_WITHOUT_STATE, m, mirror, simple,
                                MethodExtractor.where(type, m), type.getSimpleName(), simple);
                    }
                }
            }
            return null;
        }
        int errors = context.reporter().errorCount();
        StateNames names = new StateNames(context, type, field);
        AnnotationMirror state = Annotations.mirror(field, Annotations.STATE);
        String initial = names.one(field, state, "@State(initial)", String.valueOf(Annotations.value(state, "initial")));
        List<String> terminal = names.sorted(field, state, "@State(terminal)",
                Annotations.strings(state, "terminal"), false);
        names.terminal(terminal);
        List<TransitionModel> transitions = new ArrayList<>();
        List<TransitionModel> timed = new ArrayList<>();
        List<String> free = new ArrayList<>();
        Map<String, List<String>> onEnter = new LinkedHashMap<>();
        Map<String, List<String>> onExit = new LinkedHashMap<>();
        for (ExecutableElement m : methods) {
            boolean action = Annotations.mirror(m, Annotations.ACTION) != null;
            boolean timer = Annotations.mirror(m, Annotations.ON_TIMER) != null;
            AnnotationMirror transition = Annotations.mirror(m, Annotations.TRANSITION);
            String where = MethodExtractor.where(type, m);
            if (transition == null) {
                if (action) {
                    free.add(m.getSimpleName().toString());
                }
            } else if (!action && !timer) {
                context.reporter().error(Diagnostic.TRANSITION_NOT_ON_ACTION, m, transition, where);
            } else {
                TransitionModel t = new TransitionModel(m.getSimpleName().toString(),
                        names.sorted(m, transition, "@Transition(from)", Annotations.strings(transition, "from"), true),
                        names.sorted(m, transition, "@Transition(to)", Annotations.strings(transition, "to"), false),
                        timer ? after(m, where) : null);
                (action ? transitions : timed).add(t);
            }
            if (Annotations.mirror(m, Annotations.AFTER) != null && (transition == null || !timer)) {
                context.reporter().error(Diagnostic.AFTER_MISPLACED, m, Annotations.mirror(m, Annotations.AFTER), where);
            }
            hook(type, m, Annotations.ON_ENTER, names, onEnter);
            hook(type, m, Annotations.ON_EXIT, names, onExit);
        }
        if (context.reporter().errorCount() > errors) {
            return null;
        }
        MachineModel model = new MachineModel(field.getSimpleName().toString(), names.all(), initial, terminal,
                transitions, free, timed, onEnter, onExit);
        new MachineGraph(context, type, field, state).warn(model);
        return model;
    }

    private VariableElement stateField(TypeElement type) {
        VariableElement found = null;
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            AnnotationMirror state = Annotations.mirror(f, Annotations.STATE);
            if (state == null) {
                continue;
            }
            String where = type.getSimpleName() + "." + f.getSimpleName();
            if (Annotations.mirror(f, Annotations.FIELD) == null) {
                context.reporter().error(Diagnostic.STATE_NOT_FIELD, f, state, where);
            } else if (f.asType().getKind() != TypeKind.DECLARED
                    || ((DeclaredType) f.asType()).asElement().getKind() != ElementKind.ENUM) {
                context.reporter().error(Diagnostic.STATE_NOT_ENUM, f, state, where, f.asType());
            } else if (found != null) {
                context.reporter().error(Diagnostic.STATE_DUPLICATE, f, state,
                        type.getSimpleName() + "." + found.getSimpleName(), where);
            } else {
                found = f;
            }
        }
        return found;
    }

    private String after(ExecutableElement m, String where) {
        AnnotationMirror after = Annotations.mirror(m, Annotations.AFTER);
        if (after == null) {
            return null;
        }
        String value = String.valueOf(Annotations.value(after, "value"));
        if (value.startsWith("${")) {
            String problem = placeholderProblem(value);
            if (problem != null) {
                context.reporter().error(Diagnostic.AFTER_PLACEHOLDER_INVALID, m, after, value, where, problem);
                return null;
            }
            return value;
        }
        String d = duration(value);
        if (d == null) {
            context.reporter().error(Diagnostic.AFTER_INVALID, m, after, value, where);
        }
        return d;
    }

    /** @return what is wrong with {@code ${key}} or {@code ${key:default}}, or {@code null} */
    private static String placeholderProblem(String value) {
        if (!value.endsWith("}")) {
            return "it does not end with '}'";
        }
        String inner = value.substring(2, value.length() - 1);
        int colon = inner.indexOf(':');
        String key = colon < 0 ? inner : inner.substring(0, colon);
        if (!key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return key.isEmpty() ? "it names no configuration key" : "'" + key + "' is not a configuration key"
                    + " (letters, digits, '.', '-' and '_')";
        }
        if (colon >= 0 && duration(inner.substring(colon + 1)) == null) {
            return "its default '" + inner.substring(colon + 1) + "' is not a positive ISO-8601 duration";
        }
        return null;
    }

    /** @return the normalized duration, or {@code null} when {@code value} is not a positive ISO-8601 one */
    private static String duration(String value) {
        try {
            java.time.Duration d = java.time.Duration.parse(value);
            return d.isNegative() || d.isZero() ? null : d.toString();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void hook(TypeElement type, ExecutableElement m, String annotation, StateNames names,
            Map<String, List<String>> hooks) {
        AnnotationMirror mirror = Annotations.mirror(m, annotation);
        if (mirror == null) {
            return;
        }
        String simple = Annotations.simpleName(annotation);
        String problem = m.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)
                ? "it is private, so generated code can't call it"
                : m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC) ? "it is static"
                : !m.getParameters().isEmpty() ? "it takes parameters"
                : m.getReturnType().getKind() != TypeKind.VOID ? "it returns " + m.getReturnType() : null;
        if (problem != null) {
            context.reporter().error(Diagnostic.HOOK_SIGNATURE, m, mirror, simple, MethodExtractor.where(type, m),
                    problem, "void " + m.getSimpleName() + "()");
            return;
        }
        for (String s : names.sorted(m, mirror, "@" + simple, Annotations.strings(mirror, "value"), false)) {
            hooks.computeIfAbsent(s, k -> new ArrayList<>()).add(m.getSimpleName().toString());
        }
    }

    static String where(Element e) {
        return e.getEnclosingElement().getSimpleName() + "." + e.getSimpleName();
    }
}
