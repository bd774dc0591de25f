package dev.tandem.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives one socket's events for a {@link SocketConnection}: joins text fragments into messages,
 * tells the socket's {@link Heartbeat} that something arrived, and completes {@link #ended} when
 * the socket closes (which {@code close()} waits for, briefly, before aborting).
 */
final class SocketListener implements WebSocket.Listener {

    /** What the connection does with the socket's events; {@code gen} tells sockets apart. */
    interface Events {
        void onMessage(int gen, WebSocket ws, String text);

        void onClose(int gen, int code, String reason, Throwable error);
    }

    final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final int gen;
    private final Heartbeat heartbeat;
    private final Events events;

    SocketListener(int gen, Heartbeat heartbeat, Events events) {
        this.gen = gen;
        this.heartbeat = heartbeat;
        this.events = events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        heartbeat.received();
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            events.onMessage(gen, ws, message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        heartbeat.received(); // the JDK answers with a pong itself
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        heartbeat.received();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        heartbeat.received();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        ended.complete(null);
        events.onClose(gen, code, reason, null);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        ended.complete(null);
        events.onClose(gen, -1, null, error);
    }
}
