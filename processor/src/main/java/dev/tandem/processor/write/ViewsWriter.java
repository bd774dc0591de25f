package dev.tandem.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.model.ViewModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Adds the {@code @View}s to {@code XState}: their names, and a call of each method encoded as JSON. */
final class ViewsWriter {

    private static final ClassName CALLER = ClassName.get("dev.tandem", "Caller");

    private final LiveObjectModel model;
    private final Codecs codecs;

    ViewsWriter(LiveObjectModel model, Codecs codecs) {
        this.model = model;
        this.codecs = codecs;
    }

    void addTo(TypeSpec.Builder type) {
        TypeName names = ParameterizedTypeName.get(List.class, String.class);
        List<CodeBlock> quoted = new ArrayList<>();
        model.views().forEach(v -> quoted.add(CodeBlock.of("$S", v.name())));
        type.addField(FieldSpec.builder(names, "VIEWS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($L)", List.class, CodeBlock.join(quoted, ", ")).build())
                .addMethod(MethodSpec.methodBuilder("views")
                        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(names).addStatement("return VIEWS").build())
                .addMethod(view());
    }

    private MethodSpec view() {
        CodeBlock.Builder body = CodeBlock.builder().add("return switch (view) {\n$>");
        for (int i = 0; i < model.views().size(); i++) {
            ViewModel v = model.views().get(i);
            CodeBlock value = CodeBlock.of("target.$L(viewer)", v.method());
            if (!v.type().nullable() && !v.type().type().javaType().isPrimitive()) {
                value = CodeBlock.of("$T.requireNonNullView($L, $S)", GeneratedNames.JSON, value,
                        model.className().simpleName() + "." + v.method() + "(Caller)");
            }
            body.add("case $L -> $L;\n", i, codecs.write(v.type().type(), value));
        }
        body.add("default -> throw new $T($S + view);\n$<};\n", IndexOutOfBoundsException.class,
                model.className().simpleName() + " has " + model.views().size() + " views, no view ");
        return MethodSpec.methodBuilder("view")
                .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(GeneratedNames.JSON_NODE)
                .addParameter(model.className(), "target")
                .addParameter(int.class, "view")
                .addParameter(CALLER, "viewer")
                .addCode(body.build())
                .build();
    }
}
