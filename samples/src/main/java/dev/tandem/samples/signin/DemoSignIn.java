package dev.tandem.samples.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Checks a sign-in ({@code POST /login}) against the demo accounts. Micronaut Security then issues
 * a signed JWT (subject, {@code roles}, {@code name}) in an HttpOnly cookie, which Tandem reads on
 * every WebSocket handshake and HTTP call as {@code Caller.userId()}, {@code roles()} and
 * {@code claims()}.
 */
@Singleton
final class DemoSignIn<B> implements HttpRequestAuthenticationProvider<B> {

    private final List<DemoAccount> accounts;

    DemoSignIn(List<DemoAccount> accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        for (DemoAccount account : accounts) {
            if (account.username().equals(login.getIdentity())) {
                return same(account.password(), login.getSecret())
                        ? AuthenticationResponse.success(account.username(), account.roles(), Map.of("name", account.name()))
                        : AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            }
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
