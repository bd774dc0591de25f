package dev.tandem.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.runtime.TandemConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which browser origins may use the server, without a server: the server here is http://api.example:8080. */
class OriginCheckTest {

    private static OriginCheck check(List<String> allowed, Map<String, CorsOriginConfiguration> cors) {
        TandemConfiguration config = new TandemConfiguration();
        config.getSecurity().setAllowedOrigins(allowed);
        HttpServerConfiguration server = new HttpServerConfiguration();
        server.getCors().setEnabled(!cors.isEmpty());
        server.getCors().setConfigurations(cors);
        return new OriginCheck(config, request -> "http://api.example:8080", server);
    }

    private static Integer status(OriginCheck check, String origin) {
        HttpRequest<?> request = origin == null ? HttpRequest.GET("/tandem/objects/counter/x")
                : HttpRequest.GET("/tandem/objects/counter/x").header("Origin", origin);
        HttpResponse<?> refused = check.check(request);
        return refused == null ? null : refused.getStatus().getCode();
    }

    @Test
    void sameOriginAndNoOriginPassOthersAre403() {
        OriginCheck check = check(List.of(), Map.of());
        assertNull(status(check, null), "not a browser page");
        assertNull(status(check, "http://api.example:8080"));
        assertNull(status(check, "HTTP://API.example:8080"), "scheme and host in any case");
        assertEquals(403, status(check, "https://api.example:8080"), "another scheme");
        assertEquals(403, status(check, "http://api.example:8081"), "another port");
        assertEquals(403, status(check, "http://api.example"), "port 80 is another port");
        assertEquals(403, status(check, "http://evil.example:8080"));
        assertEquals(403, status(check, "null"));
        assertEquals(403, status(check, "not a url"));
    }

    @Test
    void listedOriginsStarAndCorsConfigurationsPass() {
        assertNull(status(check(List.of("https://app.example"), Map.of()), "https://app.example"));
        assertEquals(403, status(check(List.of("https://app.example"), Map.of()), "https://app.example.evil"));
        assertNull(status(check(List.of("*"), Map.of()), "https://anything.example"));
        CorsOriginConfiguration listed = new CorsOriginConfiguration();
        listed.setAllowedOrigins(List.of("https://web.example"));
        assertNull(status(check(List.of(), Map.of("web", listed)), "https://web.example"));
        assertEquals(403, status(check(List.of(), Map.of("web", listed)), "https://other.example"));
        CorsOriginConfiguration regex = new CorsOriginConfiguration();
        regex.setAllowedOrigins(List.of());
        regex.setAllowedOriginsRegex("https://[a-z]+\\.web\\.example");
        assertNull(status(check(List.of(), Map.of("re", regex)), "https://a.web.example"));
        assertEquals(403, status(check(List.of(), Map.of("re", regex)), "https://a.web.example.evil"));
    }
}
