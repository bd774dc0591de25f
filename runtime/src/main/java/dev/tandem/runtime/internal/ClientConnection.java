package dev.tandem.runtime.internal;

import dev.tandem.Connection;
import java.util.Map;
import java.util.Set;

/**
 * One client's connection to one instance, as hooks see it ({@link Connection}) and as the instance
 * tracks it. The identity fields never change; the rest is touched only by the instance's turns.
 */
public final class ClientConnection implements Connection {

    private final String connectionId;
    private final String userId;
    private final boolean authenticated;
    private final Map<String, String> attributes;
    private final Set<String> roles;
    private final Map<String, Object> claims;
    private final String clientId;
    private final Sink sink;

    /** The {@code @OnConnect} hook ran, so {@code @OnDisconnect} must run when it leaves. */
    boolean joined;
    /** It has its snapshot and receives every patch from now on. */
    boolean live;
    /** It has left; nothing more is sent. */
    boolean gone;

    /**
     * @param connectionId unique among the server's connections
     * @param userId the principal's name, or the anonymous user ID of the client's session credential
     * @param authenticated whether {@code userId} comes from Micronaut Security
     * @param attributes client-supplied attributes
     * @param clientId scopes call IDs for at-most-once calls across reconnects; may be {@code null}
     * @param sink where messages go
     */
    public ClientConnection(String connectionId, String userId, boolean authenticated, Map<String, String> attributes,
            String clientId, Sink sink) {
        this(connectionId, userId, authenticated, Set.of(), Map.of(), attributes, clientId, sink);
    }

    /**
     * @param connectionId unique among the server's connections
     * @param userId the principal's name, or the client's anonymous user ID
     * @param authenticated whether {@code userId} comes from Micronaut Security
     * @param roles the authenticated principal's roles
     * @param claims the authenticated principal's claims
     * @param attributes client-supplied attributes
     * @param clientId scopes call IDs for at-most-once calls across reconnects; may be {@code null}
     * @param sink where messages go
     */
    public ClientConnection(String connectionId, String userId, boolean authenticated, Set<String> roles,
            Map<String, Object> claims, Map<String, String> attributes, String clientId, Sink sink) {
        this.connectionId = connectionId;
        this.userId = userId;
        this.authenticated = authenticated;
        this.roles = Set.copyOf(roles);
        this.claims = Map.copyOf(claims);
        this.attributes = Map.copyOf(attributes);
        this.clientId = clientId;
        this.sink = sink;
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public Map<String, Object> claims() {
        return claims;
    }

    /** @return the client instance ID that scopes call IDs, or {@code null} */
    public String clientId() {
        return clientId;
    }

    /** @return where this connection's messages go */
    public Sink sink() {
        return sink;
    }

    @Override
    public String toString() {
        return "connection " + connectionId + " of " + userId;
    }
}
