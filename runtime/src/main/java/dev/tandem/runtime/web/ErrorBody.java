package dev.tandem.runtime.web;

import dev.tandem.runtime.storage.StoredJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.internal.Frames;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The JSON body of an HTTP error: {@code {"code": "...", "message": "..."}}, with the code's status. */
final class ErrorBody {

    private ErrorBody() {
    }

    static MutableHttpResponse<String> of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    static MutableHttpResponse<String> of(ErrorCode code, String message, ObjectNode details) {
        ObjectNode body = Frames.JSON.createObjectNode().put("code", code.code()).put("message", message);
        if (details != null) {
            body.setAll(details);
        }
        return HttpResponse.<String>status(HttpStatus.valueOf(code.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(StoredJson.text(body));
    }
}
