package dev.tandem.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a connection's socket goes: the instance's address, and the query of one attempt (docs/PROTOCOL.md). */
final class SocketAddress {

    private final TandemClient.Builder options;
    private final String clientId;
    /** The address without its query (which may carry resume details), for messages. */
    final String address;

    SocketAddress(TandemClient.Builder options, String typeName, String id, String clientId) {
        this.options = options;
        this.clientId = clientId;
        this.address = options.url + "/tandem/ws/" + encode(typeName) + "/" + encode(id);
    }

    /** @param epoch the epoch to resume in, or null for a fresh snapshot @param revision the revision the client has */
    URI attempt(String epoch, long revision) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client", clientId);
        params.putAll(options.attributes);
        if (epoch != null) {
            params.put("rev", Long.toString(revision));
            params.put("epoch", epoch);
        }
        StringBuilder url = new StringBuilder(address).append('?');
        params.forEach((k, v) -> url.append(encode(k)).append('=').append(encode(v)).append('&'));
        url.setLength(url.length() - 1);
        return URI.create(url.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
