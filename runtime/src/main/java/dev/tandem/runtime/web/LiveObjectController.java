package dev.tandem.runtime.web;

import dev.tandem.runtime.storage.StoredJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.Caller;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.LiveObjects;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.spi.ActionDescriptor;
import dev.tandem.spi.FieldDescriptor;
import dev.tandem.spi.LiveObjectDefinition;
import dev.tandem.spi.ParameterDescriptor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The HTTP endpoints: list the types, read a type's model, read an instance's state, call an
 * action. Errors are JSON {@code {"code", "message"}} with the code's status; see
 * {@code docs/PROTOCOL.md}.
 */
@Controller("/tandem")
final class LiveObjectController {

    private final LiveObjects liveObjects;
    private final Identity identity;
    private final TandemConfiguration config;

    LiveObjectController(LiveObjects liveObjects, Identity identity, TandemConfiguration config) {
        this.liveObjects = liveObjects;
        this.identity = identity;
        this.config = config;
    }

    /** @return every type with its fields and actions */
    @Get(uri = "/types", produces = MediaType.APPLICATION_JSON)
    String types() {
        ArrayNode types = Frames.JSON.createArrayNode();
        for (LiveObjectDefinition<?> d : liveObjects.types().all()) {
            ObjectNode type = types.addObject().put("type", d.typeName());
            ArrayNode fields = type.putArray("fields");
            for (FieldDescriptor f : d.state().fields()) {
                if (!f.serverOnly()) { // not even its name leaves the server
                    fields.addObject().put("name", f.name()).put("stored", f.stored());
                }
            }
            ArrayNode actions = type.putArray("actions");
            for (ActionDescriptor a : d.actions().actions()) {
                ObjectNode action = actions.addObject().put("name", a.name());
                ArrayNode params = action.putArray("parameters");
                for (ParameterDescriptor p : a.parameters()) {
                    params.addObject().put("name", p.name()).put("type", p.type());
                }
            }
            type.put("model", "/tandem/types/" + d.typeName() + "/model");
        }
        return StoredJson.text(types);
    }

    /** @return the type's model document */
    @Get(uri = "/types/{type}/model", produces = MediaType.APPLICATION_JSON)
    String model(String type) {
        return liveObjects.types().model(type);
    }

    /** @return the instance's state once stored: {@code {"rev", "epoch", "state"}} */
    @Get(uri = "/objects/{type}/{id}", produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<String>> read(String type, String id, HttpRequest<?> request) {
        Identity.Resolved who;
        try {
            who = identity.resolve(request.getUserPrincipal(), Identity.credential(request));
        } catch (LiveObjectException e) {
            return CompletableFuture.completedFuture(ErrorBody.of(e.code(), e.getMessage()));
        }
        return liveObjects.read(type, id, caller(who)).handle((snapshot, error) -> {
            if (error != null) {
                return withSession(failure(error), who);
            }
            ObjectNode body = Frames.JSON.createObjectNode().put("rev", snapshot.revision()).put("epoch", snapshot.epoch());
            body.set("state", snapshot.state());
            return withSession(json(body), who);
        });
    }

    /** @return the action's result once stored: {@code {"rev", "value"}} */
    @Post(uri = "/objects/{type}/{id}/actions/{action}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<String>> call(String type, String id, String action, @Nullable @Body byte[] body,
            HttpRequest<?> request) {
        try {
            requireJson(request);
            JsonNode arguments = arguments(body);
            Identity.Resolved who = identity.resolve(request.getUserPrincipal(), Identity.credential(request));
            return liveObjects.call(type, id, action, arguments, caller(who)).handle((result, error) -> {
                if (error != null) {
                    return withSession(failure(error), who);
                }
                ObjectNode out = Frames.JSON.createObjectNode().put("rev", result.revision());
                out.set("value", result.value());
                return withSession(json(out), who);
            });
        } catch (LiveObjectException e) {
            return CompletableFuture.completedFuture(ErrorBody.of(e.code(), e.getMessage()));
        }
    }

    /**
     * Only JSON bodies: a cross-site page can POST a form or text/plain without asking (no CORS
     * preflight), but never application/json, so this alone keeps such a page from running an action.
     */
    private static void requireJson(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !MediaType.APPLICATION_JSON.equalsIgnoreCase(type.getName())) {
            throw new LiveObjectException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "an action call's body must be sent"
                    + " with Content-Type: application/json (got " + (type == null ? "none" : type.getName())
                    + "); the body is the arguments, like [4] or {\"cell\": 4}");
        }
    }

    /** @return {@code response}, carrying a newly issued session credential in {@code X-Tandem-Session} if there is one */
    static HttpResponse<String> withSession(HttpResponse<String> response, Identity.Resolved who) {
        if (who.issued() != null && response instanceof MutableHttpResponse<String> mutable) {
            mutable.header(Identity.HEADER, who.issued()).header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }

    /** @return the caller of one HTTP request, see {@link Identity} */
    private static Caller caller(Identity.Resolved who) {
        return new HttpCaller("http-" + UUID.randomUUID(), who.userId(), who.authenticated(), who.roles(), who.claims());
    }

    private JsonNode arguments(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        if (body.length > config.getLimits().getMaxMessageSize()) {
            throw new LiveObjectException(ErrorCode.TOO_LARGE, "a body of " + body.length + " bytes is over the limit of "
                    + config.getLimits().getMaxMessageSize() + " (tandem.limits.max-message-size)");
        }
        try {
            JsonNode arguments = Frames.JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (arguments == null || !arguments.isArray() && !arguments.isObject()) {
                throw new LiveObjectException(ErrorCode.BAD_REQUEST,
                        "the body is the action's arguments: a JSON array (by position) or object (by parameter name)");
            }
            return arguments;
        } catch (JsonProcessingException e) {
            throw new LiveObjectException(ErrorCode.BAD_REQUEST, "the body must be JSON arguments, like [4] or"
                    + " {\"cell\": 4}; it is not valid JSON (" + ClientMessages.whatIsWrong(e) + ")");
        }
    }

    /** A read or a result may hold the caller's own views: no cache may keep it for anyone else. */
    private static HttpResponse<String> json(ObjectNode body) {
        return HttpResponse.ok(StoredJson.text(body)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(io.micronaut.http.HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private static HttpResponse<String> failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof LiveObjectException l) {
            return ErrorBody.of(l.code(), l.getMessage(), l.details());
        }
        return ErrorBody.of(ErrorCode.INTERNAL, "internal error");
    }

    /** The caller of an HTTP request. */
    private record HttpCaller(String connectionId, String userId, boolean authenticated, Set<String> roles,
            Map<String, Object> claims) implements Caller {
        @Override
        public Map<String, String> attributes() {
            return Map.of();
        }
    }
}
