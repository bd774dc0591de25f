package dev.tandem.processor.extract;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.FieldModel;
import dev.tandem.processor.model.TypeUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/** Extracts and checks the {@code @Field}s of a live-object class. */
final class FieldExtractor {

    private final Context context;
    private final TypeMapper mapper;

    FieldExtractor(Context context, TypeMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    List<FieldModel> extract(TypeElement type) {
        List<FieldModel> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            AnnotationMirror annotation = Annotations.mirror(field, Annotations.FIELD);
            AnnotationMirror serverOnly = Annotations.mirror(field, Annotations.SERVER_ONLY);
            if (annotation == null && serverOnly != null) {
                context.reporter().error(Diagnostic.SERVER_ONLY_WITHOUT_FIELD, field, serverOnly,
                        type.getSimpleName() + "." + field.getSimpleName());
            }
            if (annotation != null) {
                FieldModel model = extract(type, field, annotation);
                if (model != null) {
                    fields.add(model);
                }
            }
        }
        return fields;
    }

    private FieldModel extract(TypeElement owner, VariableElement field, AnnotationMirror annotation) {
        String name = field.getSimpleName().toString();
        String where = owner.getSimpleName() + "." + name;
        Set<Modifier> mods = field.getModifiers();
        boolean ok = true;
        if (mods.contains(Modifier.PRIVATE)) {
            context.reporter().error(Diagnostic.FIELD_PRIVATE, field, annotation, where);
            ok = false;
        }
        if (mods.contains(Modifier.FINAL)) {
            context.reporter().error(Diagnostic.FIELD_FINAL, field, annotation, where);
            ok = false;
        }
        if (mods.contains(Modifier.STATIC)) {
            context.reporter().error(Diagnostic.FIELD_STATIC, field, annotation, where);
            ok = false;
        }
        if (Names.OBJECT_METHODS.contains(name)) {
            context.reporter().error(Diagnostic.FIELD_NAME_RESERVED, field, annotation, where, name);
            ok = false;
        }
        TypeUse type;
        try {
            type = mapper.use(field.asType(), nullable(field));
        } catch (UnsupportedTypeException e) {
            context.reporter().error(Diagnostic.FIELD_TYPE_UNSUPPORTED, field, annotation, where, field.asType(),
                    e.getMessage());
            return null;
        }
        boolean stored = !Boolean.FALSE.equals(Annotations.value(annotation, "stored"));
        AnnotationMirror serverOnly = Annotations.mirror(field, Annotations.SERVER_ONLY);
        if (serverOnly != null && !stored) {
            context.reporter().error(Diagnostic.SERVER_ONLY_NOT_STORED, field, serverOnly, where);
            ok = false;
        }
        return ok ? new FieldModel(name, type, stored, serverOnly != null, Docs.of(context.elements(), field)) : null;
    }

    /**
     * A field may hold null when annotated so, or when it has no initializer (Java starts it at null);
     * otherwise it is typed non-null, and the generated code checks that after every turn.
     */
    private boolean nullable(VariableElement field) {
        if (Nullability.nullable(field, field.asType())) {
            return true;
        }
        if (Nullability.nonNull(field, field.asType())) {
            return false;
        }
        return !hasInitializer(field);
    }

    private boolean hasInitializer(VariableElement field) {
        if (context.trees() == null) {
            return false;
        }
        Tree tree = context.trees().getTree(field);
        if (tree instanceof VariableTree variable) {
            ExpressionTree init = variable.getInitializer();
            return init != null && init.getKind() != Tree.Kind.NULL_LITERAL;
        }
        return false;
    }
}
