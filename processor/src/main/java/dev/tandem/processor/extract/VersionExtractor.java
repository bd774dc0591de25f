package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.VersionModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/** Reads {@code @LiveObject(version)}, the {@code @Migrate} methods and the {@code @Formerly} names. */
final class VersionExtractor {

    private static final String STORED_STATE = dev.tandem.StoredState.class.getCanonicalName();

    private final Context context;

    VersionExtractor(Context context) {
        this.context = context;
    }

    VersionModel extract(TypeElement type, AnnotationMirror liveObject, List<FieldModel> fields) {
        String name = type.getSimpleName().toString();
        Object explicit = Annotations.value(liveObject, "version");
        int version = explicit == null ? 1 : (Integer) explicit;
        if (version < 1) {
            context.reporter().error(Diagnostic.VERSION_INVALID, type, liveObject, version, name);
            version = 1;
        }
        Map<Integer, String> migrations = new TreeMap<>();
        Map<Integer, ExecutableElement> seen = new TreeMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            AnnotationMirror migrate = Annotations.mirror(method, Annotations.MIGRATE);
            if (migrate == null) {
                continue;
            }
            String where = name + "." + method.getSimpleName() + "()";
            int from = (Integer) Annotations.value(migrate, "from");
            boolean ok = checkSignature(method, migrate, where);
            if (from < 1 || from >= version) {
                String fix = version == 1 ? "Bump @LiveObject(version = " + (Math.max(from, 1) + 1)
                        + ") when the stored shape changes, or remove the method."
                        : "Use a version from 1 to " + (version - 1) + ", or bump @LiveObject(version = "
                                + (Math.max(from, 1) + 1) + ").";
                context.reporter().error(Diagnostic.MIGRATE_FROM_INVALID, method, migrate, from, where, name, version,
                        Math.max(version - 1, 1), version == 1 ? "There is nothing to migrate from. " + fix : fix);
                ok = false;
            }
            ExecutableElement other = seen.putIfAbsent(from, method);
            if (other != null) {
                context.reporter().error(Diagnostic.MIGRATE_DUPLICATE, method, migrate, from,
                        name + "." + other.getSimpleName() + "()", where);
                ok = false;
            }
            if (ok) {
                migrations.put(from, method.getSimpleName().toString());
            }
        }
        return new VersionModel(version, new java.util.TreeMap<>(migrations), formerNames(type, fields));
    }

    private boolean checkSignature(ExecutableElement method, AnnotationMirror migrate, String where) {
        List<String> problems = new ArrayList<>();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            problems.add("it is not static (it runs before any instance exists)");
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problems.add("it is private, so generated code can't call it");
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            problems.add("it returns " + method.getReturnType() + " (it changes the state in place)");
        }
        if (!method.getTypeParameters().isEmpty()) {
            problems.add("it declares type parameters");
        }
        if (method.getParameters().size() != 1
                || !method.getParameters().get(0).asType().toString().equals(STORED_STATE)) {
            problems.add("it takes (" + String.join(", ", method.getParameters().stream()
                    .map(p -> p.asType().toString()).toList()) + ")");
        }
        if (problems.isEmpty()) {
            return true;
        }
        context.reporter().error(Diagnostic.MIGRATE_SIGNATURE, method, migrate, where, String.join("; ", problems),
                method.getSimpleName());
        return false;
    }

    private Map<String, List<String>> formerNames(TypeElement type, List<FieldModel> fields) {
        Set<String> fieldNames = new HashSet<>();
        fields.forEach(f -> fieldNames.add(f.name()));
        Map<String, List<String>> result = new TreeMap<>();
        Set<String> used = new HashSet<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            AnnotationMirror formerly = Annotations.mirror(field, Annotations.FORMERLY);
            if (formerly == null) {
                continue;
            }
            String where = type.getSimpleName() + "." + field.getSimpleName();
            String problem = null;
            FieldModel model = fields.stream().filter(f -> f.name().contentEquals(field.getSimpleName()))
                    .findFirst().orElse(null);
            List<String> names = Annotations.strings(formerly, "value");
            if (model == null) {
                problem = "has no effect: the field is not a @Field";
            } else if (!model.stored()) {
                problem = "has no effect: the field is @Field(stored = false), so nothing of it is stored";
            } else if (names.isEmpty()) {
                problem = "names no former name";
            } else {
                for (String n : names) {
                    if (fieldNames.contains(n)) {
                        problem = "names \"" + n + "\", which is the name of a @Field of the class now";
                    } else if (!used.add(n)) {
                        problem = "names \"" + n + "\", which is already a former name";
                    }
                }
            }
            if (problem != null) {
                context.reporter().error(Diagnostic.FORMERLY_INVALID, field, formerly, where, problem);
            } else {
                result.put(field.getSimpleName().toString(), names);
            }
        }
        return result;
    }
}
