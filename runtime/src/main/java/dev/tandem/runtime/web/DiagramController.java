package dev.tandem.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.LiveObjects;
import dev.tandem.runtime.internal.Frames;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;

/**
 * Serves the Mermaid {@code stateDiagram-v2} of a type with a state machine, drawn at compile time
 * into its model document: {@code GET /tandem/types/order/diagram} answers {@code text/plain}, ready
 * for a {@code mermaid} block. A type without {@code @State} answers {@code not_found}.
 */
@Controller("/tandem")
final class DiagramController {

    private final LiveObjects liveObjects;

    DiagramController(LiveObjects liveObjects) {
        this.liveObjects = liveObjects;
    }

    @Get(uri = "/types/{type}/diagram", produces = MediaType.TEXT_PLAIN)
    String diagram(String type) throws IOException {
        JsonNode diagram = Frames.JSON.readTree(liveObjects.types().model(type)).at("/machine/diagram");
        if (!diagram.isTextual()) {
            throw new LiveObjectException(ErrorCode.NOT_FOUND, "'" + type + "' has no state machine, so no diagram;"
                    + " mark an enum @Field with @State to give it one");
        }
        return diagram.textValue();
    }
}
