package dev.tandem.runtime.web;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.TandemConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import io.micronaut.http.server.util.HttpHostResolver;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses requests from browser pages on origins that may not use Tandem, before the WebSocket
 * handshake or the HTTP call: 403 with a JSON error. Allowed: requests without {@code Origin}
 * (non-browser clients), the server's own origin (as {@link HttpHostResolver} sees it, so
 * {@code micronaut.server.host-resolution} applies behind a proxy), origins in
 * {@code tandem.security.allowed-origins} ({@code *}: any), and origins Micronaut's CORS
 * configuration allows ({@code micronaut.server.cors.*}). Browsers don't apply CORS to
 * WebSockets, so without this any site could open one to the server on its visitor's behalf.
 */
@ServerFilter({"/tandem/ws/**", "/tandem/objects/**", "/tandem/session", "/tandem/session/**"})
final class OriginCheck {

    private final List<String> allowed;
    private final HttpHostResolver hosts;
    private final HttpServerConfiguration.CorsConfiguration cors;

    OriginCheck(TandemConfiguration config, HttpHostResolver hosts, HttpServerConfiguration server) {
        this.allowed = config.getSecurity().getAllowedOrigins();
        this.hosts = hosts;
        this.cors = server.getCors();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || allows(origin, request)) {
            return null;
        }
        String shown = origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
        return ErrorBody.of(ErrorCode.FORBIDDEN, "pages on " + shown + " may not use this server: allowed are its own"
                + " origin, tandem.security.allowed-origins and micronaut.server.cors.configurations.*.allowed-origins"
                + " (see docs/SECURITY.md)");
    }

    private boolean allows(String origin, HttpRequest<?> request) {
        if (allowed.contains("*") || allowed.contains(origin)) {
            return true;
        }
        String self = normalize(hosts.resolve(request));
        if (self != null && self.equals(normalize(origin))) {
            return true;
        }
        if (cors.isEnabled()) {
            for (CorsOriginConfiguration c : cors.getConfigurations().values()) {
                List<String> origins = c.getAllowedOrigins();
                if (origins == CorsOriginConfiguration.ANY && c.getAllowedOriginsRegex().isEmpty()
                        || origins.contains(origin)
                        || c.getAllowedOriginsRegex().map(r -> Pattern.matches(r, origin)).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return {@code scheme://host:port} with the scheme's default port filled in, or null if it is no origin */
    private static String normalize(String origin) {
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !"http".equals(scheme) && !"https".equals(scheme)) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
