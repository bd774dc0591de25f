package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.AccessModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Extracts and checks who may do what: {@code @AllowRead}, {@code @AllowWrite} and Micronaut
 * Security's {@code @Secured} (read by name, so the processor does not need Micronaut Security).
 */
final class AccessExtractor {

    private static final String CALLER = "dev.tandem.Caller";

    private final Context context;
    private final Map<String, ExecutableElement> perActionMethods = new LinkedHashMap<>();
    private ExecutableElement allowRead;
    private ExecutableElement generalWrite;

    AccessExtractor(Context context) {
        this.context = context;
    }

    /**
     * @param type the live-object class
     * @return its access rules (meaningful only if no error was reported)
     */
    AccessModel extract(TypeElement type) {
        List<String> actionNames = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> Annotations.mirror(m, Annotations.ACTION) != null)
                .map(m -> m.getSimpleName().toString()).distinct().sorted().toList();
        List<String> classSecured = SecuredValues.of(context, type, type.getSimpleName().toString());
        SecuredValues.refuseJsr250(context, type, type.getSimpleName().toString());
        Map<String, AccessModel.WriteRule> perAction = new LinkedHashMap<>();
        AccessModel.WriteRule general = null;
        Map<String, List<String>> actionSecured = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String where = MethodExtractor.where(type, method);
            boolean isAction = Annotations.mirror(method, Annotations.ACTION) != null;
            List<String> secured = SecuredValues.of(context, method, where);
            SecuredValues.refuseJsr250(context, method, where);
            if (secured != null && !isAction) {
                context.reporter().error(Diagnostic.SECURED_NOT_ON_ACTION, method, SecuredValues.mirror(method), where);
            }
            if (isAction) {
                List<String> effective = secured != null ? secured : classSecured;
                if (effective != null) {
                    actionSecured.put(method.getSimpleName().toString(), effective);
                }
            }
            if (Annotations.mirror(method, Annotations.ALLOW_READ) != null && readRule(type, method, where)) {
                allowRead = method;
            }
            AnnotationMirror write = Annotations.mirror(method, Annotations.ALLOW_WRITE);
            if (write == null || !writeSignature(type, method, write, where)) {
                continue;
            }
            AccessModel.WriteRule rule = new AccessModel.WriteRule(method.getSimpleName().toString(),
                    method.getParameters().size() == 2);
            List<String> named = names(write);
            if (named.isEmpty()) {
                if (generalWrite != null) {
                    context.reporter().error(Diagnostic.ACCESS_DUPLICATE, method, write, "AllowWrite",
                            MethodExtractor.where(type, generalWrite), where, "general @AllowWrite (without a value)");
                } else {
                    generalWrite = method;
                    general = rule;
                }
                continue;
            }
            for (String action : named) {
                if (!actionNames.contains(action)) {
                    context.reporter().error(Diagnostic.ACCESS_UNKNOWN_ACTION, method, write, where, action,
                            type.getSimpleName(), actionNames.isEmpty() ? "(none)" : String.join(", ", actionNames));
                } else if (perActionMethods.containsKey(action)) {
                    context.reporter().error(Diagnostic.ACCESS_ACTION_TWICE, method, write, action,
                            MethodExtractor.where(type, perActionMethods.get(action)), where);
                } else {
                    perActionMethods.put(action, method);
                    perAction.put(action, rule);
                }
            }
        }
        return new AccessModel(allowRead == null ? null : allowRead.getSimpleName().toString(), general, perAction,
                classSecured == null ? List.of() : classSecured, actionSecured);
    }

    private boolean readRule(TypeElement type, ExecutableElement method, String where) {
        AnnotationMirror read = Annotations.mirror(method, Annotations.ALLOW_READ);
        String problem = commonProblem(method);
        List<? extends VariableElement> params = method.getParameters();
        if (problem == null && (params.size() != 1 || !isCaller(params.get(0)))) {
            problem = "it takes " + describe(params) + ", but it is given the Caller only";
        }
        String name = method.getSimpleName().toString();
        if (problem != null) {
            context.reporter().error(Diagnostic.ACCESS_SIGNATURE, method, read, "AllowRead", where, problem,
                    "boolean " + name + "(Caller caller)");
            return false;
        }
        if (allowRead != null) {
            context.reporter().error(Diagnostic.ACCESS_DUPLICATE, method, read, "AllowRead",
                    MethodExtractor.where(type, allowRead), where, "@AllowRead");
            return false;
        }
        return true;
    }

    private boolean writeSignature(TypeElement type, ExecutableElement method, AnnotationMirror write, String where) {
        String problem = commonProblem(method);
        List<? extends VariableElement> params = method.getParameters();
        if (problem == null && (params.isEmpty() || params.size() > 2 || !isCaller(params.get(0))
                || params.size() == 2 && !MethodExtractor.qualifiedName(params.get(1).asType()).equals("java.lang.String"))) {
            problem = "it takes " + describe(params) + ", but it is given the Caller and, optionally, the action's name";
        }
        if (problem != null) {
            String name = method.getSimpleName().toString();
            context.reporter().error(Diagnostic.ACCESS_SIGNATURE, method, write, "AllowWrite", where, problem,
                    "boolean " + name + "(Caller caller, String action) or boolean " + name + "(Caller caller)");
            return false;
        }
        return true;
    }

    private String commonProblem(ExecutableElement method) {
        for (String role : Annotations.METHOD_ROLES) {
            if (Annotations.mirror(method, role) != null) {
                return "it is also @" + Annotations.simpleName(role) + ", but a check must not be a turn of its own";
            }
        }
        if (Annotations.mirror(method, Annotations.ALLOW_READ) != null
                && Annotations.mirror(method, Annotations.ALLOW_WRITE) != null) {
            return "it is both @AllowRead and @AllowWrite; split it into two methods (one may call the other)";
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return "it is private, so generated code can't call it";
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return "it is static, but it decides for one instance";
        }
        if (!method.getTypeParameters().isEmpty()) {
            return "it declares type parameters";
        }
        if (method.getReturnType().getKind() != TypeKind.BOOLEAN) {
            return "it returns " + method.getReturnType() + ", not boolean";
        }
        return null;
    }

    private static boolean isCaller(VariableElement p) {
        return MethodExtractor.qualifiedName(p.asType()).equals(CALLER);
    }

    private static String describe(List<? extends VariableElement> params) {
        if (params.isEmpty()) {
            return "no parameter";
        }
        List<String> types = new ArrayList<>();
        params.forEach(p -> types.add(p.asType().toString().replaceAll("(?:[a-z_][a-zA-Z0-9_]*\\.)+([A-Za-z_])", "$1")));
        return "(" + String.join(", ", types) + ")";
    }

    private static List<String> names(AnnotationMirror write) {
        Object value = Annotations.value(write, "value");
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object v : list) {
                names.add(String.valueOf(((AnnotationValue) v).getValue()));
            }
        }
        return names;
    }
}
