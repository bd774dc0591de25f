package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.ActionModel;
import dev.tandem.processor.model.HookModel;
import dev.tandem.processor.model.ParameterModel;
import dev.tandem.processor.model.TypeUse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Extracts and checks the {@code @Action}, {@code @OnCreate}, {@code @OnConnect}, {@code @OnDisconnect},
 * {@code @OnJoin}, {@code @OnLeave} and {@code @OnTimer} methods.
 */
final class MethodExtractor {

    private static final String CALLER = "dev.tandem.Caller";
    private static final String CONNECTION = "dev.tandem.Connection";
    private static final String LIVE_CONTEXT = "dev.tandem.LiveContext";

    /** The hooks that may take the {@code Connection} they are about. */
    private static final List<String> CONNECTION_HOOKS = List.of(Annotations.ON_CONNECT, Annotations.ON_DISCONNECT,
            Annotations.ON_JOIN, Annotations.ON_LEAVE);

    private final Context context;
    private final TypeMapper mapper;

    final List<ActionModel> actions = new ArrayList<>();
    final Map<String, HookModel> hooks = new LinkedHashMap<>();
    final List<HookModel> timers = new ArrayList<>();
    private final Map<String, ExecutableElement> hookMethods = new LinkedHashMap<>();

    MethodExtractor(Context context, TypeMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    void extract(TypeElement type) {
        Map<String, List<ExecutableElement>> actionMethods = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            List<String> roles = new ArrayList<>();
            for (String role : Annotations.METHOD_ROLES) {
                if (Annotations.mirror(method, role) != null) {
                    roles.add(role);
                }
            }
            if (roles.size() > 1) {
                context.reporter().error(Diagnostic.CONFLICTING_ANNOTATIONS, method, where(type, method),
                        Annotations.simpleName(roles.get(0)), Annotations.simpleName(roles.get(1)));
            } else if (roles.size() == 1 && roles.get(0).equals(Annotations.ACTION)) {
                actionMethods.computeIfAbsent(method.getSimpleName().toString(), k -> new ArrayList<>()).add(method);
            } else if (roles.size() == 1 && !roles.get(0).equals(Annotations.VIEW) // views: ViewExtractor
                    && !roles.get(0).equals(Annotations.ON_ENTER) && !roles.get(0).equals(Annotations.ON_EXIT)) {
                hook(type, method, roles.get(0));
            }
        }
        for (List<ExecutableElement> overloads : actionMethods.values()) {
            if (overloads.size() > 1) {
                for (ExecutableElement m : overloads) {
                    context.reporter().error(Diagnostic.ACTION_OVERLOADED, m, Annotations.mirror(m, Annotations.ACTION),
                            where(type, m));
                }
            } else {
                ActionModel action = action(type, overloads.get(0));
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        actions.sort(Comparator.comparing(ActionModel::name));
        timers.sort(Comparator.comparing(HookModel::method));
    }

    private ActionModel action(TypeElement type, ExecutableElement method) {
        AnnotationMirror annotation = Annotations.mirror(method, Annotations.ACTION);
        String where = where(type, method);
        String name = method.getSimpleName().toString();
        int errors = context.reporter().errorCount();
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            context.reporter().error(Diagnostic.ACTION_PRIVATE, method, annotation, where);
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            context.reporter().error(Diagnostic.ACTION_STATIC, method, annotation, where);
        }
        if (Names.OBJECT_METHODS.contains(name)) {
            context.reporter().error(Diagnostic.ACTION_NAME_RESERVED, method, annotation, where, name);
        }
        if (!method.getTypeParameters().isEmpty()) {
            context.reporter().error(Diagnostic.ACTION_GENERIC, method, annotation, where);
            return null;
        }
        List<ParameterModel> parameters = new ArrayList<>();
        boolean hasCaller = false;
        for (VariableElement p : method.getParameters()) {
            String pName = p.getSimpleName().toString();
            String qualified = qualifiedName(p.asType());
            if (qualified.equals(CALLER)) {
                if (hasCaller) {
                    context.reporter().error(Diagnostic.CALLER_DECLARED_TWICE, p, where);
                }
                hasCaller = true;
                parameters.add(new ParameterModel(pName, null, true));
                continue;
            }
            try {
                if (qualified.equals(CONNECTION) || qualified.equals(LIVE_CONTEXT)) {
                    throw new UnsupportedTypeException(qualified.equals(CONNECTION)
                            ? "Connection is for @OnConnect, @OnDisconnect, @OnJoin and @OnLeave. Take a Caller to know"
                                    + " who is calling."
                            : "LiveContext belongs to the instance. Take it in the constructor and keep it in a field.");
                }
                boolean nullable = Nullability.nullable(p, p.asType());
                parameters.add(new ParameterModel(pName, mapper.use(p.asType(), nullable), false));
            } catch (UnsupportedTypeException e) {
                context.reporter().error(Diagnostic.ACTION_PARAMETER_UNSUPPORTED, p, pName, where, p.asType(),
                        e.getMessage());
            }
        }
        TypeUse returns = null;
        TypeMirror returnType = method.getReturnType();
        if (returnType.getKind() != TypeKind.VOID) {
            try {
                if (returnType.toString().startsWith("java.util.concurrent.")) {
                    throw new UnsupportedTypeException("an action runs to completion as one turn, so it can't return"
                            + " a future. Return the value itself.");
                }
                returns = mapper.use(returnType, Nullability.nullable(method, returnType));
            } catch (UnsupportedTypeException e) {
                context.reporter().error(Diagnostic.ACTION_RETURN_UNSUPPORTED, method, annotation, where, returnType,
                        e.getMessage());
            }
        }
        if (context.reporter().errorCount() > errors) {
            return null;
        }
        return new ActionModel(name, parameters, returns, throwsChecked(method), Docs.of(context.elements(), method));
    }

    private void hook(TypeElement type, ExecutableElement method, String role) {
        AnnotationMirror annotation = Annotations.mirror(method, role);
        String simple = Annotations.simpleName(role);
        String name = method.getSimpleName().toString();
        boolean connectionAllowed = CONNECTION_HOOKS.contains(role);
        String expected = "void " + name + (connectionAllowed ? "(Connection connection) or void " + name + "()" : "()");
        String problem = null;
        List<? extends VariableElement> params = method.getParameters();
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problem = "it is private, so generated code can't call it";
        } else if (method.getModifiers().contains(Modifier.STATIC)) {
            problem = "it is static, but hooks run on an instance";
        } else if (method.getReturnType().getKind() != TypeKind.VOID) {
            problem = "it returns " + method.getReturnType() + ", but nothing receives a hook's result";
        } else if (!method.getTypeParameters().isEmpty()) {
            problem = "it declares type parameters";
        } else if (params.size() > (connectionAllowed ? 1 : 0)) {
            problem = "it takes " + params.size() + " parameter" + (params.size() == 1 ? "" : "s");
        } else if (params.size() == 1 && !qualifiedName(params.get(0).asType()).equals(CONNECTION)) {
            problem = "its parameter is " + params.get(0).asType() + ", not Connection";
        }
        if (problem != null) {
            context.reporter().error(Diagnostic.HOOK_SIGNATURE, method, annotation, simple, where(type, method), problem,
                    expected);
            return;
        }
        HookModel hook = new HookModel(name, params.size() == 1, throwsChecked(method));
        if (role.equals(Annotations.ON_TIMER)) {
            timers.add(hook);
            return;
        }
        ExecutableElement first = hookMethods.putIfAbsent(role, method);
        if (first != null) {
            context.reporter().error(Diagnostic.HOOK_DUPLICATE, method, annotation, simple, where(type, first),
                    where(type, method));
            return;
        }
        hooks.put(role, hook);
    }

    private boolean throwsChecked(ExecutableElement method) {
        TypeMirror runtime = context.elements().getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = context.elements().getTypeElement("java.lang.Error").asType();
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (!context.types().isSubtype(thrown, runtime) && !context.types().isSubtype(thrown, error)) {
                return true;
            }
        }
        return false;
    }

    static String qualifiedName(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                ? ((TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement()).getQualifiedName().toString()
                : type.toString();
    }

    static String where(TypeElement type, ExecutableElement method) {
        StringBuilder sb = new StringBuilder(type.getSimpleName()).append('.').append(method.getSimpleName()).append('(');
        List<? extends VariableElement> params = method.getParameters();
        for (int i = 0; i < params.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(simpleTypeName(params.get(i).asType()));
        }
        return sb.append(')').toString();
    }

    private static String simpleTypeName(TypeMirror type) {
        return type.toString().replaceAll("(?:[a-z_][a-zA-Z0-9_]*\\.)+([A-Za-z_])", "$1");
    }
}
