package dev.tandem.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.tandem.processor.model.LiveObjectModel;

/**
 * The one naming rule for generated classes: the live-object class's simple names joined by
 * {@code _}, plus a suffix, in the class's package ({@code TicTacToe} gives {@code TicTacToeState},
 * {@code Games.Chess} gives {@code Games_ChessState}).
 */
public final class GeneratedNames {

    /** The processor's name, for {@code @Generated}. */
    public static final String PROCESSOR = "dev.tandem.processor.TandemProcessor";

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName JSON = ClassName.get("dev.tandem.spi", "Json");
    static final ClassName SCALARS = ClassName.get("dev.tandem.spi", "Scalars");
    static final ClassName TIMES = ClassName.get("dev.tandem.spi", "Times");
    static final ClassName PRIMITIVE_ARRAYS = ClassName.get("dev.tandem.spi", "PrimitiveArrays");
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    static final ClassName TEXT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "TextNode");

    private GeneratedNames() {
    }

    static ClassName state(LiveObjectModel model) {
        return peer(model, "State");
    }

    static ClassName actions(LiveObjectModel model) {
        return peer(model, "Actions");
    }

    /**
     * @param model a live object
     * @return its generated definition class, registered as a service
     */
    public static ClassName definition(LiveObjectModel model) {
        return peer(model, "Definition");
    }

    static ClassName machine(LiveObjectModel model) {
        return peer(model, "Machine");
    }

    static ClassName json(LiveObjectModel model) {
        return peer(model, "Json");
    }

    static ClassName client(LiveObjectModel model) {
        return peer(model, "Client");
    }

    /**
     * @param model a live object
     * @return the classpath resource of its model document
     */
    public static String modelResource(LiveObjectModel model) {
        return "META-INF/tandem/models/" + model.typeName() + ".json";
    }

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
    }

    private static ClassName peer(LiveObjectModel model, String suffix) {
        return ClassName.get(model.className().packageName(), model.stem() + suffix);
    }
}
