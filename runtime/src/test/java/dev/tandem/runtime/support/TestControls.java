package dev.tandem.runtime.support;

import dev.tandem.runtime.LiveObjects;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** Test-only endpoints (on the test classpath only) that let Node tests act on the server. */
@Controller("/test")
public final class TestControls {

    private final LiveObjects liveObjects;

    TestControls(LiveObjects liveObjects) {
        this.liveObjects = liveObjects;
    }

    /** Drops every connection to an instance, as a network failure or a deploy would. */
    @Post("/disconnect/{type}/{id}")
    String disconnect(String type, String id) {
        return Boolean.toString(liveObjects.disconnectAll(type, id));
    }
}
