package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.Caller;
import dev.tandem.runtime.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How servers of a cluster talk: a batch is a sequence of messages, each a kind byte and its
 * fields. Requests go from the server a client is connected to (its front) to the instance's
 * owner (its back); answers and frames come back. Both ends run the same version.
 */
final class ClusterWire {

    // front → back
    static final byte JOIN = 1;
    static final byte LEAVE = 2;
    static final byte LAGGED = 3;
    static final byte RESYNC = 4;
    static final byte CALL = 5;
    static final byte READ = 6;
    // back → front
    static final byte FRAME = 10;
    static final byte CLOSE = 11;
    static final byte MOVED = 12;
    static final byte REPLY = 13;
    static final byte CALL_MOVED = 14;
    static final byte READ_REPLY = 15;
    // either way
    /** The receiver missed batches of the sender's: the sender joins its connections there again. */
    static final byte RESET = 20;

    static final byte SEND = 0;
    static final byte PATCH = 1;
    static final byte SYNC = 2;

    private ClusterWire() {
    }

    /** Builds one batch. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        final DataOutputStream data = new DataOutputStream(bytes);

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        Out kind(byte kind) {
            return run(() -> data.writeByte(kind));
        }

        Out key(InstanceKey key) {
            return string(key.type()).string(key.id());
        }

        Out string(String s) {
            return run(() -> {
                if (s == null) {
                    data.writeInt(-1);
                } else {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    data.writeInt(b.length);
                    data.write(b);
                }
            });
        }

        Out bytes(byte[] b) {
            return run(() -> {
                if (b == null) {
                    data.writeInt(-1);
                } else {
                    data.writeInt(b.length);
                    data.write(b);
                }
            });
        }

        Out number(long n) {
            return run(() -> data.writeLong(n));
        }

        Out flag(boolean b) {
            return run(() -> data.writeBoolean(b));
        }

        Out json(JsonNode node) {
            try {
                return bytes(node == null ? null : Frames.JSON.writeValueAsBytes(node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The caller as the owner's access rules and hooks see it: {@code null} is the server. */
        Out caller(Caller caller) {
            if (caller == null) {
                return kind((byte) 0);
            }
            if (caller instanceof ServerCaller s) {
                return kind((byte) 1).string(s.userId());
            }
            kind((byte) 2).string(caller.connectionId()).string(caller.userId()).flag(caller.authenticated());
            run(() -> data.writeInt(caller.roles().size()));
            caller.roles().forEach(this::string);
            run(() -> data.writeInt(caller.attributes().size()));
            caller.attributes().forEach((k, v) -> string(k).string(v));
            return json(Frames.JSON.valueToTree(caller.claims()));
        }

        Out outcome(Outcome o) {
            number(o.revision()).json(o.value()).string(o.error() == null ? null : o.error().name());
            return string(o.message()).bytes(o.ownPatch()).json(o.details());
        }

        private Out run(IoStep step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // never: the stream is in memory
            }
            return this;
        }
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    /** Reads one batch. */
    static final class In {
        final DataInputStream data;

        In(byte[] batch) {
            this.data = new DataInputStream(new ByteArrayInputStream(batch));
        }

        boolean more() throws IOException {
            return data.available() > 0;
        }

        byte kind() throws IOException {
            return data.readByte();
        }

        InstanceKey key() throws IOException {
            return new InstanceKey(string(), string());
        }

        String string() throws IOException {
            byte[] b = bytes();
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }

        byte[] bytes() throws IOException {
            int n = data.readInt();
            if (n < 0) {
                return null;
            }
            byte[] b = new byte[n];
            data.readFully(b);
            return b;
        }

        long number() throws IOException {
            return data.readLong();
        }

        boolean flag() throws IOException {
            return data.readBoolean();
        }

        JsonNode json() throws IOException {
            byte[] b = bytes();
            return b == null ? null : Frames.JSON.readTree(b);
        }

        Caller caller() throws IOException {
            byte kind = data.readByte();
            if (kind == 0) {
                return null;
            }
            if (kind == 1) {
                return new ServerCaller(string());
            }
            String connectionId = string();
            String userId = string();
            boolean authenticated = flag();
            Set<String> roles = new LinkedHashSet<>();
            for (int i = data.readInt(); i > 0; i--) {
                roles.add(string());
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = data.readInt(); i > 0; i--) {
                attributes.put(string(), string());
            }
            JsonNode claims = json();
            @SuppressWarnings("unchecked")
            Map<String, Object> claimMap = claims == null ? Map.of() : Frames.JSON.convertValue(claims, HashMap.class);
            return new RemoteCaller(connectionId, userId, authenticated, Set.copyOf(roles), Map.copyOf(claimMap),
                    Map.copyOf(attributes));
        }

        Outcome outcome() throws IOException {
            long revision = number();
            JsonNode value = json();
            String error = string();
            return new Outcome(revision, value, error == null ? null : ErrorCode.valueOf(error), string(), bytes(),
                    (ObjectNode) json());
        }
    }

    /** A caller that reached the owner through another server (an HTTP call, a read). */
    record RemoteCaller(String connectionId, String userId, boolean authenticated, Set<String> roles,
            Map<String, Object> claims, Map<String, String> attributes) implements Caller {
    }
}
