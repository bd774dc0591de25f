package dev.tandem.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every setting of the Tandem runtime, under {@code tandem.*}. Defaults suit a single server with
 * the embedded database; each key is listed with its default in {@code docs/CONFIGURATION.md}.
 *
 * <pre>{@code
 * tandem:
 *   data-dir: /var/lib/myapp
 *   limits:
 *     calls-per-second: 20
 *   passivation:
 *     idle-time: 2m
 * }</pre>
 */
@ConfigurationProperties("tandem")
public class TandemConfiguration {

    private String dataDir = "data";
    private boolean trackChanges = true;
    private Limits limits = new Limits();
    private Passivation passivation = new Passivation();
    private Resume resume = new Resume();
    private Storage storage = new Storage();
    private Timers timers = new Timers();
    private WebSocket websocket = new WebSocket();
    private Executor executor = new Executor();
    private Shutdown shutdown = new Shutdown();
    private Security security = new Security();
    private Cluster cluster = new Cluster();

    /** @return where the embedded H2 database keeps its file (unless {@code datasources.default.url} is set) */
    public String getDataDir() {
        return dataDir;
    }

    /** @param dataDir the folder for the embedded database */
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * @return whether turns find their changes by field type (tracking collections for lists and maps
     *     of immutable values); {@code false} reads every field into JSON and diffs it after every
     *     turn, which gives the same patches at a cost that grows with the state
     */
    public boolean isTrackChanges() {
        return trackChanges;
    }

    /** @param trackChanges whether turns find their changes by field type */
    public void setTrackChanges(boolean trackChanges) {
        this.trackChanges = trackChanges;
    }

    /** @return limits on clients */
    public Limits getLimits() {
        return limits;
    }

    /** @param limits limits on clients */
    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    /** @return when instances leave memory */
    public Passivation getPassivation() {
        return passivation;
    }

    /** @param passivation when instances leave memory */
    public void setPassivation(Passivation passivation) {
        this.passivation = passivation;
    }

    /** @return reconnection settings */
    public Resume getResume() {
        return resume;
    }

    /** @param resume reconnection settings */
    public void setResume(Resume resume) {
        this.resume = resume;
    }

    /** @return storage settings */
    public Storage getStorage() {
        return storage;
    }

    /** @param storage storage settings */
    public void setStorage(Storage storage) {
        this.storage = storage;
    }

    /** @return timer settings */
    public Timers getTimers() {
        return timers;
    }

    /** @param timers timer settings */
    public void setTimers(Timers timers) {
        this.timers = timers;
    }

    /** @return WebSocket settings */
    public WebSocket getWebsocket() {
        return websocket;
    }

    /** @param websocket WebSocket settings */
    public void setWebsocket(WebSocket websocket) {
        this.websocket = websocket;
    }

    /** @return turn executor settings */
    public Executor getExecutor() {
        return executor;
    }

    /** @param executor turn executor settings */
    public void setExecutor(Executor executor) {
        this.executor = executor;
    }

    /** @return shutdown settings */
    public Shutdown getShutdown() {
        return shutdown;
    }

    /** @param shutdown shutdown settings */
    public void setShutdown(Shutdown shutdown) {
        this.shutdown = shutdown;
    }

    /** @return identity and web-edge settings */
    public Security getSecurity() {
        return security;
    }

    /** @param security identity and web-edge settings */
    public void setSecurity(Security security) {
        this.security = security;
    }

    /** @return several servers as one: {@code tandem.cluster.*} */
    public Cluster getCluster() {
        return cluster;
    }

    /** @param cluster several servers as one */
    public void setCluster(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Stopping the server: {@code tandem.shutdown.*}. */
    @ConfigurationProperties("shutdown")
    public static class Shutdown {
        private Duration gracePeriod = Duration.ofSeconds(10);

        /**
         * @return how long a stopping server waits for calls in flight to be stored and answered and
         *     for every WebSocket client to get its close (1001) before it closes the rest
         */
        public Duration getGracePeriod() {
            return gracePeriod;
        }

        /** @param gracePeriod how long to wait, at least 0 */
        public void setGracePeriod(Duration gracePeriod) {
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("tandem.shutdown.grace-period must be 0 or more, got " + gracePeriod);
            }
            this.gracePeriod = gracePeriod;
        }
    }

    /** Limits that keep one client from hurting the others: {@code tandem.limits.*}. */
    @ConfigurationProperties("limits")
    public static class Limits {
        /** The largest WebSocket frame the endpoint accepts at all; larger ones close the socket (1009). */
        public static final int HARD_MAX_MESSAGE_SIZE = 1 << 20;

        private int maxMessageSize = 64 * 1024;
        private int maxConnectionsPerInstance = 1000;
        private double callsPerSecond = 100; // a pointer moving at 60 Hz, with room for other calls
        private int callBurst = 200;
        private Duration callTimeout = Duration.ofSeconds(10);
        private int maxSendQueue = 1 << 20;
        private int maxAttributes = 16;
        private int maxAttributeLength = 256;

        /** @return the largest message (bytes) a client may send; larger ones get a {@code too_large} error */
        public int getMaxMessageSize() {
            return maxMessageSize;
        }

        /** @param maxMessageSize in bytes, at most {@link #HARD_MAX_MESSAGE_SIZE} */
        public void setMaxMessageSize(int maxMessageSize) {
            if (maxMessageSize < 1 || maxMessageSize > HARD_MAX_MESSAGE_SIZE) {
                throw new IllegalArgumentException("tandem.limits.max-message-size must be between 1 and "
                        + HARD_MAX_MESSAGE_SIZE + " bytes, got " + maxMessageSize);
            }
            this.maxMessageSize = maxMessageSize;
        }

        /** @return how many clients may connect to one instance at once */
        public int getMaxConnectionsPerInstance() {
            return maxConnectionsPerInstance;
        }

        /** @param max how many clients may connect to one instance at once */
        public void setMaxConnectionsPerInstance(int max) {
            this.maxConnectionsPerInstance = max;
        }

        /** @return the sustained rate of messages one connection may send */
        public double getCallsPerSecond() {
            return callsPerSecond;
        }

        /** @param callsPerSecond the sustained rate of messages one connection may send */
        public void setCallsPerSecond(double callsPerSecond) {
            this.callsPerSecond = callsPerSecond;
        }

        /** @return how many messages a connection may send in a burst above the sustained rate */
        public int getCallBurst() {
            return callBurst;
        }

        /** @param callBurst the burst size */
        public void setCallBurst(int callBurst) {
            this.callBurst = callBurst;
        }

        /** @return how long a call may wait for its turn before it fails with {@code timeout} without running */
        public Duration getCallTimeout() {
            return callTimeout;
        }

        /** @param callTimeout how long a call may wait for its turn */
        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        /**
         * @return bytes waiting to be sent to one connection above which it counts as not reading: it
         *     stops receiving patches and gets a fresh snapshot once it has caught up
         */
        public int getMaxSendQueue() {
            return maxSendQueue;
        }

        /** @param maxSendQueue in bytes */
        public void setMaxSendQueue(int maxSendQueue) {
            this.maxSendQueue = maxSendQueue;
        }

        /** @return how many connection attributes (extra query parameters) a client may send */
        public int getMaxAttributes() {
            return maxAttributes;
        }

        /** @param maxAttributes how many connection attributes a client may send */
        public void setMaxAttributes(int maxAttributes) {
            this.maxAttributes = maxAttributes;
        }

        /** @return the longest attribute value, session ID or client ID, in characters */
        public int getMaxAttributeLength() {
            return maxAttributeLength;
        }

        /** @param maxAttributeLength in characters */
        public void setMaxAttributeLength(int maxAttributeLength) {
            this.maxAttributeLength = maxAttributeLength;
        }
    }

    /** When instances leave memory: {@code tandem.passivation.*}. */
    @ConfigurationProperties("passivation")
    public static class Passivation {
        private Duration idleTime = Duration.ofMinutes(5);
        private int maxActiveInstances = 10_000;
        private Duration sweepInterval = Duration.ofSeconds(10);

        /** @return how long an instance without connections stays in memory after its last turn */
        public Duration getIdleTime() {
            return idleTime;
        }

        /** @param idleTime how long an idle instance stays in memory */
        public void setIdleTime(Duration idleTime) {
            this.idleTime = idleTime;
        }

        /** @return how many instances may be in memory; above it the least recently used idle ones leave */
        public int getMaxActiveInstances() {
            return maxActiveInstances;
        }

        /** @param maxActiveInstances the cap */
        public void setMaxActiveInstances(int maxActiveInstances) {
            this.maxActiveInstances = maxActiveInstances;
        }

        /** @return how often idle instances are looked for */
        public Duration getSweepInterval() {
            return sweepInterval;
        }

        /** @param sweepInterval how often idle instances are looked for */
        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }
    }

    /** Reconnection: {@code tandem.resume.*}. */
    @ConfigurationProperties("resume")
    public static class Resume {
        private int bufferSize = 256;
        private int callCacheSize = 256;
        private Duration callCacheTime = Duration.ofMinutes(5);


        /** @return how many recent patches each instance keeps for reconnecting clients */
        public int getBufferSize() {
            return bufferSize;
        }

        /** @param bufferSize how many recent patches each instance keeps */
        public void setBufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
        }

        /** @return how many recent call results each client keeps per instance, so a resent call doesn't run twice */
        public int getCallCacheSize() {
            return callCacheSize;
        }

        /** @param callCacheSize results kept per client */
        public void setCallCacheSize(int callCacheSize) {
            this.callCacheSize = callCacheSize;
        }

        /** @return how long the results of a client that went away are kept */
        public Duration getCallCacheTime() {
            return callCacheTime;
        }

        /** @param callCacheTime how long results are kept */
        public void setCallCacheTime(Duration callCacheTime) {
            this.callCacheTime = callCacheTime;
        }
    }

    /** Storage: {@code tandem.storage.*}. */
    @ConfigurationProperties("storage")
    public static class Storage {
        private int maxBatch = 1000;
        private Duration commitDelay = Duration.ofNanos(500_000);
        private Durability durability = Durability.DISK;
        private int snapshotEvery = 1000;
        private long snapshotBytes = 1 << 20;
        private int logRetention = 256;

        /** @return what a stored turn survives before its result and patches are released */
        public Durability getDurability() {
            return durability;
        }

        /**
         * @param durability {@code disk} (the default) or {@code relaxed}, in any case; read as text
         *     so that a typo is refused naming the key and the allowed values
         */
        public void setDurability(String durability) {
            try {
                this.durability = Durability.valueOf(durability.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tandem.storage.durability is '" + durability
                        + "'; allowed: disk (the default: on stable storage before visible) or relaxed", e);
            }
        }

        /**
         * @return how long the writer waits before a commit when writes were already queued as the
         *     last one finished (under load), so more turns share the commit; 0 turns it off. An idle
         *     writer never waits.
         */
        public Duration getCommitDelay() {
            return commitDelay;
        }

        /** @param commitDelay the wait before a commit under load */
        public void setCommitDelay(Duration commitDelay) {
            this.commitDelay = commitDelay;
        }

        /** @return the most instance writes grouped into one transaction */
        public int getMaxBatch() {
            return maxBatch;
        }

        /** @param maxBatch the most writes per transaction */
        public void setMaxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
        }

        /**
         * @return after how many revisions since the last snapshot a write stores the whole state
         *     again (the writes between append only their patches to the log)
         */
        public int getSnapshotEvery() {
            return snapshotEvery;
        }

        /** @param snapshotEvery revisions between snapshots, 1 or more (1: every write is a snapshot) */
        public void setSnapshotEvery(int snapshotEvery) {
            if (snapshotEvery < 1) {
                throw new IllegalArgumentException("tandem.storage.snapshot-every must be 1 or more (revisions between"
                        + " snapshots of an instance's state), got " + snapshotEvery);
            }
            this.snapshotEvery = snapshotEvery;
        }

        /**
         * @return after how many bytes of patches logged since the last snapshot a write stores the
         *     whole state again, whichever of this and {@link #getSnapshotEvery()} comes first
         */
        public long getSnapshotBytes() {
            return snapshotBytes;
        }

        /** @param snapshotBytes bytes of log between snapshots, 1 or more */
        public void setSnapshotBytes(long snapshotBytes) {
            if (snapshotBytes < 1) {
                throw new IllegalArgumentException("tandem.storage.snapshot-bytes must be 1 or more (bytes of patches"
                        + " logged between snapshots of an instance's state), got " + snapshotBytes);
            }
            this.snapshotBytes = snapshotBytes;
        }

        /**
         * @return how many revisions of log an instance keeps before its latest snapshot, so that
         *     clients reconnecting after a restart can still resume with patches
         */
        public int getLogRetention() {
            return logRetention;
        }

        /** @param logRetention revisions kept before the snapshot, 0 or more */
        public void setLogRetention(int logRetention) {
            if (logRetention < 0) {
                throw new IllegalArgumentException("tandem.storage.log-retention must be 0 or more (revisions of patch"
                        + " log kept before the latest snapshot, for resuming clients), got " + logRetention);
            }
            this.logRetention = logRetention;
        }
    }

    /** Timers: {@code tandem.timers.*}. */
    @ConfigurationProperties("timers")
    public static class Timers {
        private Duration pollInterval = Duration.ofSeconds(5);
        private Retry retry = new Retry();

        /** @return how often storage is asked for instances that are not in memory and have a timer due */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval how often storage is polled for due timers */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** @return how a timer whose method throws is retried */
        public Retry getRetry() {
            return retry;
        }

        /** @param retry how a timer whose method throws is retried */
        public void setRetry(Retry retry) {
            this.retry = retry;
        }

        /**
         * {@code tandem.timers.retry.*}: a timer whose method throws (its turn rolled back) runs again after
         * {@code initial-delay}, then each wait {@code multiplier} times the last, at most {@code max-delay},
         * until it has run {@code max-attempts} times; then it is dropped and logged at ERROR.
         */
        @ConfigurationProperties("retry")
        public static class Retry {
            private Duration initialDelay = Duration.ofSeconds(1);
            private double multiplier = 2;
            private Duration maxDelay = Duration.ofMinutes(1);
            private int maxAttempts = 5;

            /** @return the wait before the second run. Default 1s */
            public Duration getInitialDelay() {
                return initialDelay;
            }

            /** @param initialDelay the wait before the second run; more than 0 */
            public void setInitialDelay(Duration initialDelay) {
                if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
                    throw new IllegalArgumentException("tandem.timers.retry.initial-delay must be more than 0, got "
                            + initialDelay);
                }
                this.initialDelay = initialDelay;
            }

            /** @return how much longer each wait is than the one before. Default 2 */
            public double getMultiplier() {
                return multiplier;
            }

            /** @param multiplier at least 1 (1 waits the same each time) */
            public void setMultiplier(double multiplier) {
                if (!(multiplier >= 1 && multiplier <= 1000)) {
                    throw new IllegalArgumentException("tandem.timers.retry.multiplier must be between 1 and 1000"
                            + " (1 waits initial-delay each time), got " + multiplier);
                }
                this.multiplier = multiplier;
            }

            /** @return the longest wait between runs. Default 1m */
            public Duration getMaxDelay() {
                return maxDelay;
            }

            /** @param maxDelay the longest wait between runs; more than 0 */
            public void setMaxDelay(Duration maxDelay) {
                if (maxDelay == null || maxDelay.isNegative() || maxDelay.isZero()) {
                    throw new IllegalArgumentException("tandem.timers.retry.max-delay must be more than 0, got "
                            + maxDelay);
                }
                this.maxDelay = maxDelay;
            }

            /** @return how many times a timer runs at most, the first run included. Default 5 */
            public int getMaxAttempts() {
                return maxAttempts;
            }

            /** @param maxAttempts at least 1 (1 runs it once, with no retry) */
            public void setMaxAttempts(int maxAttempts) {
                if (maxAttempts < 1 || maxAttempts > 1000) {
                    throw new IllegalArgumentException("tandem.timers.retry.max-attempts must be between 1 and 1000"
                            + " (1 runs a timer once, with no retry), got " + maxAttempts);
                }
                this.maxAttempts = maxAttempts;
            }

            /**
             * @param failedRuns how many runs failed so far, 1 or more
             * @return the wait before the next run
             */
            public Duration delayAfter(int failedRuns) {
                double millis = initialDelay.toMillis() * Math.pow(multiplier, failedRuns - 1);
                return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
            }
        }
    }

    /** WebSocket: {@code tandem.websocket.*}. */
    @ConfigurationProperties("websocket")
    public static class WebSocket {
        private boolean compression;
        private Duration heartbeatInterval = Duration.ofSeconds(20);
        private Duration heartbeatTimeout = Duration.ofSeconds(60);

        /**
         * @return how long a connection may go without the server sending anything before it sends
         *     a WebSocket ping; keeps idle-timeouts (Micronaut's, proxies') from closing quiet
         *     connections. Default 20s.
         */
        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        /** @param heartbeatInterval how long before a quiet connection gets a ping */
        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = positive("tandem.websocket.heartbeat-interval", heartbeatInterval);
        }

        /**
         * @return how long a connection may go without anything arriving from the client (any
         *     frame, pongs included) before it is closed with 4408. Default 60s.
         */
        public Duration getHeartbeatTimeout() {
            return heartbeatTimeout;
        }

        /** @param heartbeatTimeout how long a silent connection is kept */
        public void setHeartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = positive("tandem.websocket.heartbeat-timeout", heartbeatTimeout);
        }

        /** Checks the settings together, once all are set. */
        @PostConstruct
        void check() {
            if (heartbeatInterval.compareTo(heartbeatTimeout) >= 0) {
                throw new IllegalArgumentException("tandem.websocket.heartbeat-interval (" + heartbeatInterval
                        + ") must be shorter than tandem.websocket.heartbeat-timeout (" + heartbeatTimeout
                        + "), so that a healthy client has the time to answer a ping or two");
            }
        }

        private static Duration positive(String key, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(key + " must be more than 0, got " + value);
            }
            return value;
        }

        /**
         * @return whether the server accepts permessage-deflate. Off by default: Tandem's frames are
         *     small patches encoded once for all clients, which compression would re-encode per
         *     connection at a cost in CPU and memory for little gain. Applies to every WebSocket
         *     endpoint of the server.
         */
        public boolean isCompression() {
            return compression;
        }

        /** @param compression whether to accept permessage-deflate */
        public void setCompression(boolean compression) {
            this.compression = compression;
        }
    }

    /** The threads that run turns: {@code tandem.executor.*}. */
    @ConfigurationProperties("executor")
    public static class Executor {
        private int threads;

        /** @return how many threads run turns; 0 means one per available processor */
        public int getThreads() {
            return threads;
        }

        /** @param threads how many threads run turns */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /** @return the effective thread count */
        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /** Identity and the web edge: {@code tandem.security.*}; see {@code docs/SECURITY.md}. */
    @ConfigurationProperties("security")
    public static class Security {
        /** The shortest key accepted, in characters: 32 random characters carry enough entropy for HMAC-SHA256. */
        public static final int MIN_KEY_LENGTH = 32;
        private static final Pattern ORIGIN = Pattern.compile(
                "https?://[^/\\s?#@]+");

        private String sessionKey;
        private List<String> previousSessionKeys = List.of();
        private List<String> allowedOrigins = List.of();

        /**
         * @return the key that signs anonymous session credentials, or null: then the server generates
         *     one and keeps it in its database ({@code tandem_secret})
         */
        public String getSessionKey() {
            return sessionKey;
        }

        /** @param sessionKey a random secret of at least {@value #MIN_KEY_LENGTH} characters */
        public void setSessionKey(String sessionKey) {
            this.sessionKey = key("tandem.security.session-key", sessionKey);
        }

        /** @return keys whose credentials are still accepted (and re-issued under the current key) */
        public List<String> getPreviousSessionKeys() {
            return previousSessionKeys;
        }

        /** @param keys the keys used before the current one, during a rotation */
        public void setPreviousSessionKeys(List<String> keys) {
            for (int i = 0; i < keys.size(); i++) {
                key("tandem.security.previous-session-keys[" + i + "]", keys.get(i));
            }
            this.previousSessionKeys = List.copyOf(keys);
        }

        /**
         * @return origins whose pages may open WebSockets and make HTTP calls, besides the server's
         *     own origin and those {@code micronaut.server.cors} allows; {@code *} allows any
         */
        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        /** @param origins origins like {@code https://app.example.com}, or {@code *} */
        public void setAllowedOrigins(List<String> origins) {
            for (String origin : origins) {
                if (origin == null || !origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                    throw new IllegalArgumentException("tandem.security.allowed-origins contains '" + origin
                            + "'; allowed: origins exactly as browsers send them, scheme://host[:port] with no path"
                            + " and no trailing slash (like https://app.example.com), or * for any origin");
                }
            }
            this.allowedOrigins = List.copyOf(origins);
        }

        /** Refuses short keys without ever printing them: a key in a log is a key given away. */
        private static String key(String name, String key) {
            if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(name + " is " + (key == null ? "empty" : key.strip().length()
                        + " characters long") + "; allowed: a random secret of at least " + MIN_KEY_LENGTH
                        + " characters (for example the output of `openssl rand -base64 32`), or no key at all: then"
                        + " the server generates one and keeps it in its database");
            }
            return key.strip();
        }

        private boolean denyByDefault;

        /**
         * @return whether clients are refused what no rule allows: reading a type without
         *     {@code @AllowRead} (nor a class-level {@code @Secured}), calling an action without an
         *     {@code @AllowWrite} rule (nor {@code @Secured}). Default {@code false}: without rules,
         *     every client may read and call.
         */
        public boolean isDenyByDefault() {
            return denyByDefault;
        }

        /**
         * @param denyByDefault {@code true} or {@code false}, in any case; read as text so that a typo
         *     is refused naming the key and the allowed values
         */
        public void setDenyByDefault(String denyByDefault) {
            String value = denyByDefault == null ? "" : denyByDefault.trim().toLowerCase(java.util.Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("tandem.security.deny-by-default is '" + denyByDefault
                        + "'; allowed: false (the default: no rule means allowed) or true (no rule means refused)");
            }
            this.denyByDefault = value.equals("true");
        }
    }

    /**
     * Several servers as one ({@code tandem.cluster.*}; see {@code docs/CLUSTER.md}): an embedded
     * Hazelcast member per server decides which server owns each instance; the database fences.
     */
    @ConfigurationProperties("cluster")
    public static class Cluster {
        private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?");

        private boolean enabled;
        private String name = "tandem";
        private String host = "127.0.0.1";
        private int port = 5701;
        private List<String> members = List.of();
        private int quorum;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private Duration failureTimeout = Duration.ofSeconds(3);

        /** @return whether this server joins a cluster. Default false: one server, as without this section */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether this server joins a cluster */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the cluster's name: members with another name never join it. Default {@code tandem} */
        public String getName() {
            return name;
        }

        /** @param name the cluster's name */
        public void setName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("tandem.cluster.name must not be empty");
            }
            this.name = name;
        }

        /** @return the address this member listens on and tells the others. Default 127.0.0.1 */
        public String getHost() {
            return host;
        }

        /** @param host an address of this machine that the other members reach */
        public void setHost(String host) {
            if (host == null || !MEMBER.matcher(host).matches() || host.contains(":")) {
                throw new IllegalArgumentException("tandem.cluster.host must be a host name or IPv4 address of this"
                        + " machine (such as 10.0.0.5), got '" + host + "'");
            }
            this.host = host;
        }

        /** @return the port the members talk on. Default 5701 */
        public int getPort() {
            return port;
        }

        /** @param port 1 to 65535 */
        public void setPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("tandem.cluster.port must be between 1 and 65535, got " + port);
            }
            this.port = port;
        }

        /** @return the members to join through, as {@code host:port} (TCP/IP join; no multicast) */
        public List<String> getMembers() {
            return members;
        }

        /** @param members {@code host:port} of each server, this one included or not */
        public void setMembers(List<String> members) {
            for (String m : members) {
                if (m == null || !MEMBER.matcher(m.trim()).matches()) {
                    throw new IllegalArgumentException("tandem.cluster.members: each member is host:port (such as"
                            + " 127.0.0.1:5701), got '" + m + "'");
                }
            }
            this.members = List.copyOf(members);
        }

        /**
         * @return how many members a server must see to own instances; 0 (the default) means a
         *     majority of {@link #getMembers}. A server that sees fewer (cut off from the others)
         *     hands its instances over and routes nothing until it sees enough again
         */
        public int getQuorum() {
            return quorum;
        }

        /** @param quorum at least 0; 0 means a majority of the member list */
        public void setQuorum(int quorum) {
            if (quorum < 0) {
                throw new IllegalArgumentException("tandem.cluster.quorum must be 0 (a majority of"
                        + " tandem.cluster.members) or more, got " + quorum);
            }
            this.quorum = quorum;
        }

        /** @return the quorum in effect: {@link #getQuorum}, or a majority of the member list */
        public int effectiveQuorum() {
            return quorum > 0 ? quorum : members.size() / 2 + 1;
        }

        /** @return how often members tell each other they are alive. Default 1s (whole seconds) */
        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        /** @param heartbeatInterval whole seconds, at least 1 */
        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = seconds("tandem.cluster.heartbeat-interval", heartbeatInterval);
        }

        /**
         * @return how long a member may stay silent before the others drop it and take over its
         *     instances (a crashed process whose connections close is dropped sooner). Default 3s
         */
        public Duration getFailureTimeout() {
            return failureTimeout;
        }

        /** @param failureTimeout whole seconds, at least 2 */
        public void setFailureTimeout(Duration failureTimeout) {
            Duration d = seconds("tandem.cluster.failure-timeout", failureTimeout);
            if (d.toSeconds() < 2) {
                throw new IllegalArgumentException("tandem.cluster.failure-timeout must be at least 2s, got " + d);
            }
            this.failureTimeout = d;
        }

        private static Duration seconds(String key, Duration d) {
            if (d == null || d.toSeconds() < 1 || d.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException(key + " must be a whole number of seconds, at least 1s (Hazelcast"
                        + " counts heartbeats in seconds), got " + d);
            }
            return d;
        }
    }
}
