package dev.tandem.processor.extract;

import com.palantir.javapoet.ClassName;
import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.InjectionPoint;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Picks the constructor the runtime calls for a live-object class and checks that it can supply
 * each parameter: the instance's {@code LiveContext} or a bean looked up by class. A value (a
 * String, a number, a record...) is refused here, since at run time it would fail every connection.
 */
final class ConstructorExtractor {

    private final Context context;

    ConstructorExtractor(Context context) {
        this.context = context;
    }

    /** @return the chosen constructor's parameters, or an empty list (with errors reported) */
    List<InjectionPoint> extract(TypeElement type) {
        List<ExecutableElement> usable = new ArrayList<>();
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (!c.getModifiers().contains(Modifier.PRIVATE)) {
                usable.add(c);
            }
        }
        ExecutableElement chosen = choose(type, usable);
        if (chosen == null) {
            return List.of();
        }
        List<InjectionPoint> points = new ArrayList<>();
        for (VariableElement p : chosen.getParameters()) {
            InjectionPoint point = injectionPoint(type, p);
            if (point != null) {
                points.add(point);
            }
        }
        return points;
    }

    private ExecutableElement choose(TypeElement type, List<ExecutableElement> usable) {
        String name = type.getSimpleName().toString();
        if (usable.isEmpty()) {
            context.reporter().error(Diagnostic.NO_USABLE_CONSTRUCTOR, type, name, "no non-private constructor");
            return null;
        }
        if (usable.size() == 1) {
            return usable.get(0);
        }
        List<ExecutableElement> marked = usable.stream()
                .filter(c -> c.getAnnotationMirrors().stream()
                        .anyMatch(m -> m.getAnnotationType().asElement().getSimpleName().contentEquals("Inject")))
                .toList();
        if (marked.size() == 1) {
            return marked.get(0);
        }
        if (marked.size() > 1) {
            context.reporter().error(Diagnostic.NO_USABLE_CONSTRUCTOR, type, name,
                    marked.size() + " constructors marked @Inject");
            return null;
        }
        for (ExecutableElement c : usable) {
            if (c.getParameters().isEmpty()) {
                return c;
            }
        }
        context.reporter().error(Diagnostic.NO_USABLE_CONSTRUCTOR, type, name,
                usable.size() + " constructors, none marked @Inject and none without parameters");
        return null;
    }

    private InjectionPoint injectionPoint(TypeElement type, VariableElement p) {
        TypeMirror t = p.asType();
        if (t.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException();
        }
        String qualified = MethodExtractor.qualifiedName(t);
        if (qualified.equals("dev.tandem.LiveContext")) {
            return new InjectionPoint(null);
        }
        String value = new NotBeans(context.elements(), context.types()).describe(t);
        if (value != null) {
            context.reporter().error(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE, p, type.getSimpleName(),
                    p.getSimpleName(), value);
            return null;
        }
        String problem = null;
        if (t.getKind() != TypeKind.DECLARED) {
            problem = "is not a bean type";
        } else if (qualified.equals("dev.tandem.Caller") || qualified.equals("dev.tandem.Connection")) {
            problem = "belongs to one call or connection, not to the instance (take it as an action or hook parameter)";
        } else if (!((DeclaredType) t).getTypeArguments().isEmpty()) {
            problem = "is generic, but beans are looked up by class alone";
        }
        if (problem != null) {
            context.reporter().error(Diagnostic.CONSTRUCTOR_PARAMETER_UNSUPPORTED, p, p.getSimpleName(),
                    type.getSimpleName(), t, problem);
            return null;
        }
        return new InjectionPoint(ClassName.get((TypeElement) ((DeclaredType) t).asElement()));
    }
}
