package dev.tandem.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tandem.processor.model.ActionModel;
import dev.tandem.processor.model.LiveObjectModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The state-machine part of a generated Java client: {@code allowed()}, {@code can()} with a flag
 * per action, and {@code matches(state)} by name and, for a class with a machine, by the state
 * field's enum constant (so a misspelt state is a compile error), all delegating to the connection's
 * {@code MachineView}, which reads the machine from the model document at run time (so the client
 * needs nothing from the processor's machine extraction). For a class without a {@code @State}
 * field every action is allowed.
 */
final class ClientMachineWriter {

    private static final ClassName MACHINE_VIEW = ClassName.get("dev.tandem.client", "MachineView");

    private ClientMachineWriter() {
    }

    /** @return the methods, for the client class {@code self} */
    static List<MethodSpec> methods(LiveObjectModel model, ClassName self) {
        ClassName can = self.nestedClass("Can");
        CodeBlock.Builder flags = CodeBlock.builder();
        for (int i = 0; i < model.actions().size(); i++) {
            flags.add(i == 0 ? "" : ", ").add("view.can($S)", model.actions().get(i).name());
        }
        List<MethodSpec> methods = new ArrayList<>(List.of(
                MethodSpec.methodBuilder("allowed")
                        .addJavadoc("@return the actions the current state allows (its transitions, then the free"
                                + " actions), computed here with no round trip\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)))
                        .addStatement("return connection.machine().allowed()").build(),
                MethodSpec.methodBuilder("can")
                        .addJavadoc("@return for each action, whether the current state allows it, like {@code can().$L()}\n",
                                model.actions().isEmpty() ? "x" : model.actions().get(0).name())
                        .addModifiers(Modifier.PUBLIC).returns(can)
                        .addStatement("$T view = connection.machine()", MACHINE_VIEW)
                        .addStatement("return new $T($L)", can, flags.build()).build(),
                MethodSpec.methodBuilder("matches")
                        .addJavadoc("@param state a state's name, like {@code \"PAID\"}\n"
                                + "@return whether the state machine is in that state (never, without one)\n")
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addParameter(String.class, "state")
                        .addStatement("return connection.machine().matches(state)").build()));
        if (model.machine() != null) {
            model.fields().stream().filter(f -> f.name().equals(model.machine().field())).findFirst()
                    .ifPresent(f -> methods.add(MethodSpec.methodBuilder("matches")
                            .addJavadoc("@param state a state, like {@code $T.$L}\n"
                                    + "@return whether the state machine is in that state\n",
                                    f.type().type().javaType(), model.machine().states().get(0))
                            .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                            .addParameter(f.type().type().javaType(), "state")
                            .addStatement("return state != null && connection.machine().matches(state.name())").build()));
        }
        return methods;
    }

    /** @return the record of one flag per action */
    static TypeSpec canRecord(LiveObjectModel model) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        StringBuilder doc = new StringBuilder("For each action of {@code $L}, whether the current state allows it.\n\n");
        for (ActionModel a : model.actions()) {
            constructor.addParameter(TypeName.BOOLEAN, a.name());
            doc.append("@param ").append(a.name()).append(" whether {@code ").append(a.name()).append("} is allowed\n");
        }
        return TypeSpec.recordBuilder("Can").addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc.toString(), model.typeName())
                .recordConstructor(constructor.build()).build();
    }
}
