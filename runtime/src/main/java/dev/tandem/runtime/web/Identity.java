package dev.tandem.runtime.web;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.TandemConfiguration;
import jakarta.inject.Singleton;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who a client is. With Micronaut Security configured and the request authenticated, the user is
 * the principal's name and anything the client says about itself is ignored. Otherwise the client's
 * {@code session} parameter (or {@code X-Tandem-Session} header) is its user ID: a stable pseudonym
 * the client chose, not proof of identity. A client that sends none gets a fresh one per connection.
 */
@Singleton
final class Identity {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

    /** Micronaut Security is optional: its types are touched only when it is on the classpath. */
    private static final boolean SECURITY = ClassUtils.isPresent("io.micronaut.security.authentication.Authentication",
            Identity.class.getClassLoader());

    private final int maxLength;

    Identity(TandemConfiguration config) {
        this.maxLength = config.getLimits().getMaxAttributeLength();
    }

    /**
     * @param userId the user ID
     * @param authenticated whether it came from Micronaut Security
     * @param roles the principal's roles (none when anonymous)
     * @param claims the principal's claims (none when anonymous)
     */
    record Resolved(String userId, boolean authenticated, Set<String> roles, Map<String, Object> claims) {
        Resolved(String userId, boolean authenticated) {
            this(userId, authenticated, Set.of(), Map.of());
        }
    }

    Resolved resolve(Optional<Principal> principal, String session) {
        if (principal.isPresent() && principal.get().getName() != null) {
            return authenticated(principal.get());
        }
        if (session == null || session.isEmpty()) {
            return new Resolved("anon-" + UUID.randomUUID(), false);
        }
        return new Resolved(check("session", session), false);
    }

    private static Resolved authenticated(Principal principal) {
        if (SECURITY && principal instanceof Authentication a) {
            Map<String, Object> claims = new LinkedHashMap<>();
            a.getAttributes().forEach((k, v) -> {
                if (k != null && v != null) {
                    claims.put(k, v);
                }
            });
            return new Resolved(a.getName(), true, Set.copyOf(a.getRoles()), claims);
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
