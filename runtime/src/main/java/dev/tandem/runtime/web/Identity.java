package dev.tandem.runtime.web;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.TandemConfiguration;
import jakarta.inject.Singleton;
import java.security.Principal;
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

    private final int maxLength;

    Identity(TandemConfiguration config) {
        this.maxLength = config.getLimits().getMaxAttributeLength();
    }

    /**
     * @param userId the user ID
     * @param authenticated whether it came from Micronaut Security
     */
    record Resolved(String userId, boolean authenticated) {
    }

    Resolved resolve(Optional<Principal> principal, String session) {
        if (principal.isPresent() && principal.get().getName() != null) {
            return new Resolved(principal.get().getName(), true);
        }
        if (session == null || session.isEmpty()) {
            return new Resolved("anon-" + UUID.randomUUID(), false);
        }
        return new Resolved(check("session", session), false);
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
