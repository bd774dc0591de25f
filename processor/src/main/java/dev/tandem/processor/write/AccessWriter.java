package dev.tandem.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tandem.processor.model.AccessModel;
import dev.tandem.processor.model.LiveObjectModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Adds who may do what to {@code XDefinition}: the class's {@code @Secured} values and the calls to
 * its {@code @AllowRead} and {@code @AllowWrite} methods. A class without them gets nothing, and
 * the interface's defaults (everyone may) apply.
 */
final class AccessWriter {

    private static final ClassName CALLER = ClassName.get("dev.tandem", "Caller");

    private final LiveObjectModel model;
    private final AccessModel access;

    AccessWriter(LiveObjectModel model) {
        this.model = model;
        this.access = model.access();
    }

    void addTo(TypeSpec.Builder type) {
        if (!access.classSecured().isEmpty()) {
            TypeName list = ParameterizedTypeName.get(List.class, String.class);
            type.addField(FieldSpec.builder(list, "SECURED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.of($L)", List.class, strings(access.classSecured())).build());
            type.addMethod(method("secured", list).addStatement("return SECURED").build());
        }
        if (access.allowRead() != null) {
            type.addMethod(method("hasAllowRead", TypeName.BOOLEAN).addStatement("return true").build());
            type.addMethod(method("allowRead", TypeName.BOOLEAN)
                    .addParameter(model.className(), "target").addParameter(CALLER, "caller")
                    .addException(Exception.class)
                    .addStatement("return target.$L(caller)", access.allowRead()).build());
        }
        if (access.generalWrite() != null || !access.perActionWrite().isEmpty()) {
            type.addMethod(hasAllowWrite());
            type.addMethod(allowWrite());
        }
    }

    private MethodSpec hasAllowWrite() {
        MethodSpec.Builder m = method("hasAllowWrite", TypeName.BOOLEAN).addParameter(String.class, "action");
        if (access.generalWrite() != null) {
            return m.addStatement("return true").build();
        }
        return m.addStatement("return switch (action) {\n$>case $L -> true;\ndefault -> false;\n$<}",
                strings(List.copyOf(access.perActionWrite().keySet()))).build();
    }

    private MethodSpec allowWrite() {
        MethodSpec.Builder m = method("allowWrite", TypeName.BOOLEAN)
                .addParameter(model.className(), "target").addParameter(CALLER, "caller")
                .addParameter(String.class, "action").addException(Exception.class);
        CodeBlock fallback = access.generalWrite() == null ? CodeBlock.of("true") : call(access.generalWrite());
        if (access.perActionWrite().isEmpty()) {
            return m.addStatement("return $L", fallback).build();
        }
        Map<AccessModel.WriteRule, List<String>> byRule = new LinkedHashMap<>();
        access.perActionWrite().forEach((action, rule) -> byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(action));
        CodeBlock.Builder body = CodeBlock.builder().add("return switch (action) {\n$>");
        byRule.forEach((rule, actions) -> body.add("case $L -> $L;\n", strings(actions), call(rule)));
        body.add("default -> $L;\n$<};\n", fallback);
        return m.addCode(body.build()).build();
    }

    private static CodeBlock call(AccessModel.WriteRule rule) {
        return CodeBlock.of("target.$L(caller$L)", rule.method(), rule.takesAction() ? ", action" : "");
    }

    private static MethodSpec.Builder method(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
    }

    static CodeBlock strings(List<String> values) {
        List<CodeBlock> blocks = new ArrayList<>();
        values.forEach(v -> blocks.add(CodeBlock.of("$S", v)));
        return CodeBlock.join(blocks, ", ");
    }
}
