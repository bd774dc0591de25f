package dev.tandem.runtime.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare-bones WebSocket client over a plain socket, for what the JDK client won't do: send one
 * unfragmented frame of any size. It reads the server's frames until a close frame.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawWebSocket open(int port, String path) throws IOException {
        return open(port, path, 0);
    }

    /**
     * @param receiveBuffer the socket's receive buffer in bytes (small for a client that won't read),
     *     or 0 for the system's default
     */
    public static RawWebSocket open(int port, String path, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.readLine();
        if (!status.contains(" 101 ")) {
            throw new IOException("handshake refused: " + status);
        }
        while (!ws.readLine().isEmpty()) {
            // skip the headers
        }
        return ws;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed during the handshake");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Sends one final text frame with the given payload, masked as clients must. */
    public void sendTextFrame(byte[] payload) throws IOException {
        sendFrame(0x81, payload);
    }

    /** Sends a close frame with the given code and no reason. */
    public void sendClose(int code) throws IOException {
        sendFrame(0x88, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /** @return one masked client frame with the given payload, as bytes ({@code b0}: FIN, RSV, opcode) */
    public static byte[] encode(int b0, byte[] payload) {
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(payload.length + 14);
        frame.write(b0);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /** Writes raw bytes (frames from {@link #encode}); blocks while the server does not read. */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends one frame: {@code b0} is FIN, RSV and the opcode; the payload is masked as clients must. */
    public void sendFrame(int b0, byte[] payload) throws IOException {
        out.write(b0);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        out.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(masked);
            out.flush();
        } catch (IOException e) {
            // the server may close before reading it all
        }
    }

    /** Reads frames until a close frame; returns its status code, or -1 if the connection just ended. */
    public int awaitCloseCode() throws IOException {
        InputStream raw = in;
        while (true) {
            int b0 = raw.read();
            if (b0 < 0) {
                return -1;
            }
            int len = raw.read() & 0x7f;
            long length = len;
            if (len == 126) {
                length = in.readUnsignedShort();
            } else if (len == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if ((b0 & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
