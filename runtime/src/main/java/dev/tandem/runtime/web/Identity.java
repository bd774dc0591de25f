package dev.tandem.runtime.web;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.TandemConfiguration;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a client is. With Micronaut Security configured and the request authenticated, the user is
 * the principal's name and any session credential is ignored. Otherwise the client's session
 * credential ({@code X-Tandem-Session} header, or {@code session} query parameter) names the user
 * if the server signed it ({@link SessionCredentials}); anything else, a user ID included, gets a
 * fresh identity, handed to the client as {@link Resolved#issued()}. Never an error: a client that
 * lost or mangled its credential is a new user, not a blocked one.
 */
@Singleton
final class Identity {

    /** The request header that carries a session credential (and, in a response, a newly issued one). */
    static final String HEADER = "X-Tandem-Session";

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

    /** Micronaut Security is optional: its types are touched only when it is on the classpath. */
    private static final boolean SECURITY = ClassUtils.isPresent("io.micronaut.security.authentication.Authentication",
            Identity.class.getClassLoader());

    private final int maxLength;
    private final SessionCredentials credentials;

    Identity(TandemConfiguration config, SessionCredentials credentials) {
        this.maxLength = config.getLimits().getMaxAttributeLength();
        this.credentials = credentials;
    }

    /**
     * @param userId the user ID
     * @param authenticated whether it came from Micronaut Security
     * @param roles the principal's roles (none when anonymous)
     * @param claims the principal's claims (none when anonymous)
     * @param issued a credential the client must keep from now on, or null when its own is current
     */
    record Resolved(String userId, boolean authenticated, Set<String> roles, Map<String, Object> claims, String issued) {
        Resolved(String userId, boolean authenticated) {
            this(userId, authenticated, Set.of(), Map.of(), null);
        }

        /** Never shows the credential: this may end up in a log. */
        @Override
        public String toString() {
            return "Resolved[userId=" + userId + ", authenticated=" + authenticated + ", issued=" + (issued != null) + "]";
        }
    }

    /** @return the request's session credential: the header, else the {@code session} query parameter */
    static String credential(HttpRequest<?> request) {
        String session = request.getHeaders().get(HEADER);
        return session != null ? session : request.getParameters().get("session");
    }

    Resolved resolve(Optional<Principal> principal, String credential) {
        if (principal.isPresent() && principal.get().getName() != null) {
            return authenticated(principal.get());
        }
        Optional<SessionCredentials.Verified> verified = credentials.verify(credential);
        if (verified.isPresent()) {
            byte[] random = verified.get().random();
            return new Resolved(SessionCredentials.userId(random), false, Set.of(), Map.of(),
                    verified.get().current() ? null : credentials.sign(random));
        }
        byte[] fresh = SessionCredentials.newRandom();
        return new Resolved(SessionCredentials.userId(fresh), false, Set.of(), Map.of(), credentials.sign(fresh));
    }

    private static Resolved authenticated(Principal principal) {
        if (SessionCredentials.looksLikeUserId(principal.getName())) {
            // else a login named like a (public) anonymous user ID would be that user
            throw new LiveObjectException(ErrorCode.FORBIDDEN, "the authenticated principal's name '"
                    + principal.getName() + "' has the form of an anonymous user ID ('u-' and 20 letters, digits, '-'"
                    + " or '_'), which Tandem reserves for anonymous users; give logins names of another form");
        }
        if (SECURITY && principal instanceof Authentication a) {
            Map<String, Object> claims = new LinkedHashMap<>();
            a.getAttributes().forEach((k, v) -> {
                if (k != null && v != null) {
                    claims.put(k, v);
                }
            });
            return new Resolved(a.getName(), true, Set.copyOf(a.getRoles()), claims, null);
        }
        return new Resolved(principal.getName(), true);
    }

    /** @return {@code value}, if it is 1 to max printable ASCII characters without spaces */
    String check(String name, String value) {
        if (value.length() > maxLength || !PRINTABLE.matcher(value).matches()) {
            throw new LiveObjectException(ErrorCode.BAD_REQUEST, "'" + name + "' must be 1 to " + maxLength
                    + " printable ASCII characters without spaces (tandem.limits.max-attribute-length)");
        }
        return value;
    }
}
