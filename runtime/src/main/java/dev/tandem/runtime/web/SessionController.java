package dev.tandem.runtime.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.internal.Frames;
import dev.tandem.runtime.storage.StoredJson;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/**
 * {@code POST /tandem/session}: who the request is, and a session credential to keep if the
 * server issued one. Lets a client get its identity before it opens any socket, so that all its
 * connections are one user. See "Identity" in {@code docs/PROTOCOL.md}.
 */
@Controller("/tandem")
final class SessionController {

    private final Identity identity;

    SessionController(Identity identity) {
        this.identity = identity;
    }

    /**
     * @return {@code {"userId", "authenticated", "session"}}: {@code session} only when the request's
     *     credential was missing, not valid, or signed with a previous key (then also in {@code X-Tandem-Session})
     */
    @Post(uri = "/session", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> session(HttpRequest<?> request) {
        Identity.Resolved who = identity.resolve(request.getUserPrincipal(), Identity.credential(request));
        ObjectNode body = Frames.JSON.createObjectNode().put("userId", who.userId()).put("authenticated", who.authenticated());
        if (who.issued() != null) {
            body.put("session", who.issued());
        }
        return LiveObjectController.withSession(HttpResponse.ok(StoredJson.text(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store"), who);
    }
}
