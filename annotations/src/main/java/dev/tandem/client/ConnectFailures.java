package dev.tandem.client;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Turns why a socket failed before its first snapshot into the error a failed connect reports: the
 * server's close code when it gave one, else {@code connection_failed} saying what happened.
 */
final class ConnectFailures {

    /** The server's close codes (docs/PROTOCOL.md) and the error codes they stand for. */
    static final Map<Integer, String> CLOSE_CODES = Map.of(4400, "bad_request", 4403, "rejected", 4404, "not_found",
            4429, "unavailable", 4500, "internal", 4503, "unavailable");

    private ConnectFailures() {
    }

    /**
     * @param url the socket's address, without its query
     * @param error why opening the socket failed
     */
    static CallFailedException opening(String url, Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return failed("connection refused: nothing listens at " + url + " (is the server running, and is the"
                    + " port right?)");
        }
        if (e instanceof HttpTimeoutException) {
            return failed("no answer from " + url + " in time (" + e.getMessage() + ")");
        }
        if (e instanceof WebSocketHandshakeException h) {
            return failed("the server at " + url + " answered the WebSocket upgrade with HTTP status "
                    + h.getResponse().statusCode() + " (is this a Tandem server, and is the path right?)");
        }
        if (e instanceof UnresolvedAddressException) {
            return failed("could not connect to " + url + ": the host name is unknown");
        }
        return failed("could not connect to " + url + ": " + e);
    }

    /**
     * @param url the socket's address, without its query
     * @param code the close code
     * @param reason the close reason
     */
    static CallFailedException closed(String url, int code, String reason) {
        String known = CLOSE_CODES.get(code);
        if (known != null) {
            return new CallFailedException(known, reason == null || reason.isEmpty()
                    ? "refused by the server (" + code + ")" : reason);
        }
        return failed("the socket to " + url + " closed with code " + code
                + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")") + " before the first snapshot");
    }

    private static CallFailedException failed(String message) {
        return new CallFailedException("connection_failed", message);
    }
}
