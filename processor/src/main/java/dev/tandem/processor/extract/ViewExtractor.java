package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.TypeUse;
import dev.tandem.processor.model.ViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Extracts and checks the {@code @View} methods: {@code Type name(Caller viewer)}, not private or
 * static, returning a type a field may hold, named unlike every field and other view.
 */
final class ViewExtractor {

    private static final String CALLER = "dev.tandem.Caller";

    private final Context context;
    private final TypeMapper mapper;

    ViewExtractor(Context context, TypeMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    List<ViewModel> extract(TypeElement type, List<FieldModel> fields) {
        Map<String, String> taken = new LinkedHashMap<>();
        fields.forEach(f -> taken.put(f.name(), "the field " + type.getSimpleName() + "." + f.name()));
        List<ViewModel> views = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            AnnotationMirror annotation = Annotations.mirror(method, Annotations.VIEW);
            if (annotation == null || Annotations.METHOD_ROLES.stream()
                    .filter(r -> Annotations.mirror(method, r) != null).count() > 1) {
                continue; // two roles: MethodExtractor reports it
            }
            ViewModel view = view(type, method, annotation, taken);
            if (view != null) {
                views.add(view);
            }
        }
        return views;
    }

    private ViewModel view(TypeElement type, ExecutableElement method, AnnotationMirror annotation,
            Map<String, String> taken) {
        String where = MethodExtractor.where(type, method);
        String problem = signatureProblem(method);
        if (problem == null && throwsChecked(method)) {
            problem = "it declares checked exceptions, but a view is a pure function of the state";
        }
        if (problem != null) {
            context.reporter().error(Diagnostic.VIEW_SIGNATURE, method, annotation, where, problem,
                    "a non-private instance method such as List<String> " + method.getSimpleName() + "(Caller viewer)");
            return null;
        }
        Object explicit = Annotations.value(annotation, "value");
        String name = explicit == null || explicit.toString().isEmpty()
                ? method.getSimpleName().toString() : explicit.toString();
        if (!SourceVersion.isName(name) || Names.OBJECT_METHODS.contains(name)) {
            context.reporter().error(Diagnostic.VIEW_NAME_INVALID, method, annotation, where, name,
                    SourceVersion.isName(name) ? "it is the name of a method of Object, which the generated client's"
                            + " State record can't have as a component" : "it is not a Java identifier");
            return null;
        }
        String other = taken.putIfAbsent(name, "the view " + where);
        if (other != null) {
            context.reporter().error(Diagnostic.VIEW_NAME_CLASH, method, annotation, where, name, other);
            return null;
        }
        TypeMirror returns = method.getReturnType();
        TypeUse use;
        try {
            use = mapper.use(returns, Nullability.nullable(method, returns));
        } catch (UnsupportedTypeException e) {
            context.reporter().error(Diagnostic.VIEW_TYPE_UNSUPPORTED, method, annotation, where, returns,
                    e.getMessage());
            return null;
        }
        return new ViewModel(name, method.getSimpleName().toString(), use, Docs.of(context.elements(), method));
    }

    private boolean throwsChecked(ExecutableElement method) {
        TypeMirror runtime = context.elements().getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = context.elements().getTypeElement("java.lang.Error").asType();
        return method.getThrownTypes().stream()
                .anyMatch(t -> !context.types().isSubtype(t, runtime) && !context.types().isSubtype(t, error));
    }

    private static String signatureProblem(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return "it is private, so generated code can't call it";
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return "it is static, but a view reads an instance's state";
        }
        if (method.getReturnType().getKind() == TypeKind.VOID) {
            return "it returns void, but a view is the value its viewer sees";
        }
        if (!method.getTypeParameters().isEmpty()) {
            return "it declares type parameters";
        }
        if (method.getParameters().size() != 1
                || !MethodExtractor.qualifiedName(method.getParameters().get(0).asType()).equals(CALLER)) {
            return "it takes (" + method.getParameters().stream().map(p -> p.asType().toString())
                    .reduce((a, b) -> a + ", " + b).orElse("") + "), but a view takes exactly one parameter, the"
                    + " viewer (Caller)";
        }
        return null;
    }
}
