package dev.tandem.runtime.testkit;

import dev.tandem.Connection;
import java.util.Map;
import java.util.Set;

/**
 * A fake caller and connection for tests.
 *
 * @param connectionId its connection ID
 * @param userId its user ID
 * @param authenticated whether it counts as authenticated
 * @param attributes its connection attributes
 * @param roles its roles (as Micronaut Security would give an authenticated principal)
 * @param claims its claims (likewise)
 */
public record TestCaller(String connectionId, String userId, boolean authenticated, Map<String, String> attributes,
        Set<String> roles, Map<String, Object> claims) implements Connection {

    /** Copies the attributes, roles and claims. */
    public TestCaller {
        attributes = Map.copyOf(attributes);
        roles = Set.copyOf(roles);
        claims = Map.copyOf(claims);
    }

    /**
     * A caller without roles or claims.
     *
     * @param connectionId its connection ID
     * @param userId its user ID
     * @param authenticated whether it counts as authenticated
     * @param attributes its connection attributes
     */
    public TestCaller(String connectionId, String userId, boolean authenticated, Map<String, String> attributes) {
        this(connectionId, userId, authenticated, attributes, Set.of(), Map.of());
    }

    /**
     * @param userId a user
     * @return an anonymous caller with that user ID and a connection ID derived from it
     */
    public static TestCaller user(String userId) {
        return new TestCaller("conn-" + userId, userId, false, Map.of());
    }

    /**
     * The same user on another connection, as a second browser tab would be.
     *
     * <pre>{@code
     * TestCaller ada = TestCaller.user("ada");
     * room.connect(ada);
     * room.connect(ada.tab(2)); // one user, two connections
     * }</pre>
     *
     * @param n which tab; any number other than the one this caller is
     * @return this caller with the connection ID {@code <this connection ID>#<n>}
     */
    public TestCaller tab(int n) {
        return withConnectionId(connectionId + "#" + n);
    }

    /**
     * @param id a connection ID
     * @return this caller (same user, attributes, roles and claims) on the connection {@code id}
     */
    public TestCaller withConnectionId(String id) {
        return new TestCaller(id, userId, authenticated, attributes, roles, claims);
    }

    /**
     * @param name an attribute
     * @param value its value
     * @return this caller with the attribute added
     */
    public TestCaller with(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(attributes);
        more.put(name, value);
        return new TestCaller(connectionId, userId, authenticated, more, roles, claims);
    }

    /**
     * @param more roles to add
     * @return this caller, authenticated, with the roles added
     */
    public TestCaller withRoles(String... more) {
        Set<String> all = new java.util.LinkedHashSet<>(roles);
        all.addAll(java.util.Arrays.asList(more));
        return new TestCaller(connectionId, userId, true, attributes, all, claims);
    }

    /**
     * @param name a claim
     * @param value its value
     * @return this caller, authenticated, with the claim added
     */
    public TestCaller withClaim(String name, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(claims);
        more.put(name, value);
        return new TestCaller(connectionId, userId, true, attributes, roles, more);
    }
}
