package dev.tandem.processor.extract;

import com.palantir.javapoet.ClassName;
import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.AccessModel;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.InjectionPoint;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.MachineModel;
import dev.tandem.processor.model.VersionModel;
import dev.tandem.processor.model.ViewModel;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Builds the model of one {@code @LiveObject} class, reporting every problem found on its element
 * instead of stopping at the first.
 */
public final class LiveObjectExtractor {

    private final Context context;

    /** @param context the compiler utilities and the reporter */
    public LiveObjectExtractor(Context context) {
        this.context = context;
    }

    /**
     * @param type a class annotated {@code @LiveObject}
     * @return its model, or {@code null} if errors were reported
     * @throws UnresolvedTypeException if a type it uses is not resolved yet
     */
    public LiveObjectModel extract(TypeElement type) {
        AnnotationMirror annotation = Annotations.mirror(type, Annotations.LIVE_OBJECT);
        int errors = context.reporter().errorCount();
        if (!checkClass(type, annotation)) {
            return null;
        }
        String typeName = typeName(type, annotation);
        String packageName = context.elements().getPackageOf(type).getQualifiedName().toString();
        TypeMapper mapper = new TypeMapper(new ValueTypes(context.elements(), context.types(), packageName));
        List<FieldModel> fields = new FieldExtractor(context, mapper).extract(type);
        MethodExtractor methods = new MethodExtractor(context, mapper);
        methods.extract(type);
        List<ViewModel> views = new ViewExtractor(context, mapper).extract(type, fields);
        List<InjectionPoint> constructor = new ConstructorExtractor(context).extract(type);
        AccessModel access = new AccessExtractor(context).extract(type);
        MachineModel machine = new MachineExtractor(context).extract(type);
        VersionModel versions = new VersionExtractor(context).extract(type, annotation, fields);
        if (context.reporter().errorCount() > errors) {
            return null;
        }
        return new LiveObjectModel(type, ClassName.get(type), typeName, Docs.of(context.elements(), type), fields,
                methods.actions, constructor, methods.hooks.get(Annotations.ON_CREATE),
                methods.hooks.get(Annotations.ON_CONNECT), methods.hooks.get(Annotations.ON_DISCONNECT),
                methods.hooks.get(Annotations.ON_JOIN), methods.hooks.get(Annotations.ON_LEAVE),
                methods.timers, mapper.valueTypes(), views, access, machine, versions);
    }

    private boolean checkClass(TypeElement type, AnnotationMirror annotation) {
        String name = type.getSimpleName().toString();
        ElementKind kind = type.getKind();
        if (kind != ElementKind.CLASS) {
            String what = switch (kind) {
                case INTERFACE -> "an interface";
                case ENUM -> "an enum";
                case RECORD -> "a record, whose fields are final";
                case ANNOTATION_TYPE -> "an annotation type";
                default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
            };
            context.reporter().error(Diagnostic.NOT_A_CLASS, type, annotation, name, what);
            return false;
        }
        boolean ok = true;
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            context.reporter().error(Diagnostic.ABSTRACT_CLASS, type, annotation, name);
            ok = false;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            context.reporter().error(Diagnostic.INNER_CLASS, type, annotation, name, "an inner (non-static) class");
            ok = false;
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                context.reporter().error(Diagnostic.CLASS_NOT_ACCESSIBLE, type, annotation, name);
                ok = false;
                break;
            }
        }
        if (!type.getTypeParameters().isEmpty()) {
            context.reporter().error(Diagnostic.GENERIC_CLASS, type, annotation, name);
            ok = false;
        }
        return ok;
    }

    private String typeName(TypeElement type, AnnotationMirror annotation) {
        Object explicit = Annotations.value(annotation, "value");
        String typeName = explicit == null || explicit.toString().isEmpty()
                ? Names.kebabCase(type.getSimpleName().toString()) : explicit.toString();
        if (!Names.isValidTypeName(typeName)) {
            context.reporter().error(Diagnostic.INVALID_TYPE_NAME, type, annotation, typeName, type.getSimpleName());
        }
        return typeName;
    }
}
