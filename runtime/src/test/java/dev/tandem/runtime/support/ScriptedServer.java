package dev.tandem.runtime.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A WebSocket server that plays a scripted part, for client tests the real server can't stage: a
 * patch that leaves a gap, a server that goes silent. Each connection (numbered from 0) runs the
 * script once its handshake is done; everything the client sends is recorded, and nothing is
 * answered unless the script does.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One client connection: its request line's path and query, what it sent, and a way to send. */
    public static final class Peer {
        public final String target;
        /** Text messages from the client, then {@code close <code>} if it sent a close frame. */
        public final List<String> received = new CopyOnWriteArrayList<>();
        private final Socket socket;
        private final OutputStream out;

        Peer(String target, Socket socket) throws IOException {
            this.target = target;
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        public synchronized void send(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            try {
                out.write(0x81);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else {
                    out.write(126);
                    out.write(payload.length >> 8);
                    out.write(payload.length & 0xff);
                }
                out.write(payload);
                out.flush();
            } catch (IOException e) {
                // the client is gone; the test sees it in what it recorded
            }
        }

        public boolean isClosed() {
            return socket.isClosed();
        }
    }

    private final ServerSocket server;
    private final BiConsumer<Integer, Peer> script;
    public final List<Peer> peers = new CopyOnWriteArrayList<>();

    private ScriptedServer(BiConsumer<Integer, Peer> script) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread accept = new Thread(this::accept, "scripted-server");
        accept.setDaemon(true);
        accept.start();
    }

    /** @param script runs for each connection with its number (from 0) once the handshake is done */
    public static ScriptedServer start(BiConsumer<Integer, Peer> script) throws IOException {
        return new ScriptedServer(script);
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "scripted-peer");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String target = null;
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (target == null) {
                    target = line.split(" ")[1];
                } else if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            if (key == null) { // plain HTTP, such as a client asking POST /tandem/session: not scripted
                socket.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Peer peer = new Peer(target, socket);
            peer.out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            peer.out.flush();
            peers.add(peer);
            script.accept(peers.size() - 1, peer);
            readFrames(in, peer);
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Records the client's text and close frames (masked, unfragmented) until it goes away. */
    private static void readFrames(DataInputStream in, Peer peer) throws IOException {
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            in.readFully(mask);
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = b0 & 0x0f;
            if (opcode == 1) {
                peer.received.add(new String(payload, StandardCharsets.UTF_8));
            } else if (opcode == 8) {
                peer.received.add("close " + (payload.length >= 2 ? ((payload[0] & 0xff) << 8 | (payload[1] & 0xff)) : -1));
            }
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the client went away during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Peer peer : peers) {
            peer.socket.close();
        }
    }
}
