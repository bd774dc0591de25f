package dev.tandem;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling an {@link Action}. Declare a parameter of this type and the runtime fills it in;
 * clients never send it.
 *
 * <pre>{@code
 * @Action
 * void rename(Caller caller, String title) {
 *     if (!caller.userId().equals(owner)) throw new ActionRejected("Only the owner can rename");
 *     this.title = title;
 * }
 * }</pre>
 *
 * <p>Identity comes from the connection, never from action arguments, so a client cannot act as
 * someone else. With Micronaut Security configured and the request authenticated,
 * {@link #userId()} is the principal's name. Otherwise it is an anonymous user: the server issued
 * the client a signed session credential that only the client holds (a browser keeps it across
 * reloads), and {@link #userId()} is derived from it one way. A user ID is public: publish it in
 * state freely, knowing it never lets anyone act as that user. Anonymous users are who they say
 * only in the sense "the same browser as before"; check {@link #authenticated()} before trusting
 * it for anything that needs a real person.
 */
public interface Caller {

    /**
     * The ID of the connection the call came through, unique among the server's connections.
     * HTTP calls get a fresh ID per request.
     *
     * @return the connection ID
     */
    String connectionId();

    /**
     * The user: the authenticated principal's name, or else the anonymous user ID of the client's
     * session credential ({@code u-} and 20 characters). Public, never a credential.
     *
     * @return the user ID, never {@code null}
     */
    String userId();

    /**
     * Whether {@link #userId()} was established by Micronaut Security rather than chosen by the
     * client.
     *
     * @return {@code true} for an authenticated principal
     */
    boolean authenticated();

    /**
     * Attributes the client supplied when connecting (query parameters of the WebSocket URL other
     * than the protocol's own, for example a display name or a colour). Treat them as untrusted
     * input.
     *
     * @return the attributes, never {@code null}
     */
    Map<String, String> attributes();

    /**
     * One attribute, see {@link #attributes()}.
     *
     * @param name the attribute name
     * @return its value, if the client supplied it
     */
    default Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes().get(name));
    }

    /**
     * The roles of an authenticated principal, as Micronaut Security established them (for
     * example from a token's {@code roles} claim). Anonymous callers have none.
     *
     * @return the roles, never {@code null}
     */
    default Set<String> roles() {
        return Set.of();
    }

    /**
     * The claims (attributes) of an authenticated principal, as Micronaut Security established
     * them, for example a token's {@code email}. Anonymous callers have none.
     *
     * @return the claims, never {@code null}
     */
    default Map<String, Object> claims() {
        return Map.of();
    }
}
