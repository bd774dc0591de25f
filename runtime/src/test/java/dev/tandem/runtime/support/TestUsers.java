package dev.tandem.runtime.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Two users with passwords (alice is an admin, bob has no role), for HTTP Basic authentication when security is on. */
@Singleton
@Requires(property = "micronaut.security.enabled", value = "true")
public final class TestUsers<B> implements HttpRequestAuthenticationProvider<B> {

    private static final Map<String, String> PASSWORDS = Map.of("alice", "wonderland", "bob", "builder");
    private static final Map<String, List<String>> ROLES = Map.of("alice", List.of("admin"), "bob", List.of());

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String expected = PASSWORDS.get(auth.getIdentity());
        return expected != null && expected.equals(auth.getSecret())
                ? AuthenticationResponse.success(auth.getIdentity(), ROLES.get(auth.getIdentity())) : AuthenticationResponse.failure();
    }

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
