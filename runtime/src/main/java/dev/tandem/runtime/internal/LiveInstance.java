package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.Snapshot;
import dev.tandem.runtime.metrics.TandemMetrics;
import dev.tandem.runtime.storage.GroupCommitter;
import dev.tandem.runtime.storage.PatchEntry;
import dev.tandem.runtime.storage.StoredPatch;
import dev.tandem.runtime.storage.StoredCall;
import dev.tandem.spi.LiveObjectDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live-object instance in memory. Everything that touches it arrives as a message in its
 * {@link Mailbox} and runs one at a time: calls, joins and leaves (with their hooks), timers,
 * storage confirmations. A turn that changes fields gets the next revision; its patch and result
 * wait in the {@link OutputGate} until the write is stored, then go out in revision order.
 *
 * @param <T> the live-object class
 */
final class LiveInstance<T> {

    /** Scalars compare by value: a stored 5 read back as an int equals the 5 a long field writes. */
    private static final java.util.Comparator<com.fasterxml.jackson.databind.JsonNode> SAME_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private static final Logger LOG = LoggerFactory.getLogger(LiveInstance.class);

    final InstanceKey key;
    final Mailbox<InstanceMessage> mailbox;
    private final Host host;
    private final LiveObjectDefinition<T> definition;
    private final InstanceContext context;
    private final TandemMetrics.TypeMetrics metrics;
    private final Map<String, ClientConnection> connections = new LinkedHashMap<>();
    private final OutputGate gate = new OutputGate();
    private final ResumeBuffer resume;
    private final CallCache calls;
    private final InstanceTimers timers;
    private final Access<T> access;
    private List<CallCache.Unstored> unstoredCalls = new ArrayList<>();
    /** The stored-state patches committed since the last write was submitted, for the log. */
    private List<PatchEntry> unstoredLog = new ArrayList<>();
    /** Characters of patches this activation has queued for storage in all. */
    private long submittedBytes;
    /** Writes carry the state until this revision is stored: one of them had to be a snapshot. */
    private long stateUntilStored;
    /** The revision of the last write sent with the state because a snapshot may have been due. */
    private long dueStateSentAt;
    /** The revision the log (written and queued) reaches. */
    private long logEnd;
    private GroupCommitter.LogCursor logCursor;
    /** The durable history ID; {@link #epoch} is it, or it and this activation's (see {@link #epochFor}). */
    private String history;
    /** The owner epoch this activation took: its writes apply only while storage holds it. */
    private long ownerEpoch;

    private TurnRunner<T> turns;
    private Views views;
    private String epoch;
    private long revision;
    private long lastStoredChange;
    private long confirmed;
    private long submitted;
    private boolean storedDirty;
    /** Created here and not yet used by anyone allowed to: a refused client leaves nothing stored. */
    private boolean unclaimed;
    private volatile long lastActivity;
    private volatile int connectionCount;
    /** Another server owns it now: it finishes what it stored and leaves (see {@link #onHandoff}). */
    private boolean handingOff;

    LiveInstance(InstanceKey key, Host host, LiveObjectDefinition<T> definition, TandemMetrics.TypeMetrics metrics) {
        this.key = key;
        this.host = host;
        this.definition = definition;
        this.metrics = metrics;
        this.context = new InstanceContext(key, host.clock(), definition.timers());
        this.resume = new ResumeBuffer(host.config().getResume().getBufferSize());
        this.calls = new CallCache(host.config().getResume().getCallCacheSize());
        this.mailbox = new Mailbox<>(host.turnExecutor(), this::handle, this::afterBatch, 64, true);
        this.timers = new InstanceTimers(host.timerScheduler(),
                (name, at) -> mailbox.offer(new InstanceMessage.TimerDue(name, at)));
        context.committedTimers(timers::dueAt);
        this.lastActivity = context.millis();
        this.access = new Access<>(definition, key, host.config().getSecurity().isDenyByDefault());
    }

    /** @return the instance's type */
    LiveObjectDefinition<T> definition() {
        return definition;
    }

    /** @return the stored fields as the activated object writes them */
    ObjectNode storedState() {
        return turns.snapshot(true);
    }

    // ---- activation, on a loader thread while the mailbox is suspended ----

    /**
     * Creates the object and restores its stored state, or creates it fresh and runs {@code @OnCreate}.
     *
     * @param stored the stored state, or {@code null} for a new instance
     */
    void activate(StoredData stored) throws Exception {
        T object = definition.create(host.dependencies(context));
        history = stored != null && stored.history() != null ? stored.history() : newId();
        epoch = epochFor(history);
        ownerEpoch = stored != null ? stored.ownerEpoch() : dev.tandem.runtime.storage.StateWrite.FIRST_OWNER_EPOCH;
        if (stored != null) {
            definition.state().restore(object, stored.state());
            revision = stored.revision();
            submitted = revision;
            confirmed = revision;
            lastStoredChange = revision;
            logEnd = revision;
            turns = new TurnRunner<>(object, definition.state(), context, definition.machine(),
                    host.timed(key.type()), host.config().isTrackChanges());
            long logged = 0;
            for (StoredPatch p : stored.log()) {
                if (p.revision() > stored.snapshotRevision() && p.ops() != null) {
                    logged += p.ops().length();
                }
            }
            // patches are made against the state as the object writes it; when that is not what is
            // stored (a field the class gained, a set read back in another order), the next write is a
            // snapshot, so the log never holds a patch that does not apply to what precedes it
            logCursor = new GroupCommitter.LogCursor(stored.snapshotRevision(), logged,
                    !turns.snapshot(true).equals(SAME_VALUE, stored.state()));
            views = new Views(key, turns);
            timers.load(stored.timers());
            calls.restore(stored.calls());
            resumeFromLog(stored.log());
            return;
        }
        turns = new TurnRunner<>(object, definition.state(), context, definition.machine(),
                host.timed(key.type()), host.config().isTrackChanges());
        views = new Views(key, turns);
        if (definition.hasOnCreate() || definition.machine() != null) {
            TurnRunner.Result created = turns.runCreate(definition.hasOnCreate() ? o -> {
                definition.onCreate(o);
                return null;
            } : null);
            if (!created.ok()) {
                throw new IllegalStateException("Creating " + key + " failed, so the instance was not created",
                        created.failure());
            }
            timers.apply(created.timerChanges());
        }
        revision = 1;
        logEnd = revision;
        logCursor = new GroupCommitter.LogCursor(revision);
        unclaimed = true; // stored once a join, call, read or timer is let in: see claim()
    }

    /** A new instance is stored from its first use that access rules let in. */
    private void claim() {
        if (unclaimed) {
            unclaimed = false;
            storedDirty = true;
            lastStoredChange = revision;
        }
    }

    /**
     * The epoch clients see: the durable history ID when a client's (revision, epoch) means the
     * same state after a restart, else that and this activation's own ID. Not the same state when
     * fields are kept out of storage (they start over), nor under relaxed durability (a crash of
     * the machine or database can lose revisions clients saw, and the numbers are used again).
     */
    private String epochFor(String historyId) {
        boolean allStored = definition.state().fields().stream().allMatch(dev.tandem.spi.FieldDescriptor::stored);
        return allStored && host.config().getStorage().getDurability() == dev.tandem.runtime.Durability.DISK
                ? historyId : historyId + "." + newId();
    }

    static String newId() {
        return Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /**
     * Fills the resume buffer from the stored log, so clients that reconnect after a restart get the
     * patches they missed. Only when the stored patches are the ones clients saw: every field
     * stored and none server-only (views are left to {@link Views#unchangedSince}, which knows no
     * viewer after a restart), and the epoch is the history.
     */
    private void resumeFromLog(List<StoredPatch> log) {
        boolean same = epoch.equals(history) && definition.state().fields().stream()
                .allMatch(f -> f.stored() && !f.serverOnly());
        if (!same || log.isEmpty() || log.get(log.size() - 1).revision() != revision) {
            return;
        }
        int from = log.size();
        while (from > 0 && log.get(from - 1).ops() != null && log.get(from - 1).baseRevision() == log.get(from - 1).revision() - 1
                && (from == log.size() || log.get(from - 1).revision() == log.get(from).baseRevision())) {
            from--;
        }
        for (StoredPatch p : log.subList(from, log.size())) {
            try {
                resume.add(p.revision(), Frames.patch(p.revision(), (com.fasterxml.jackson.databind.node.ArrayNode)
                        Frames.JSON.readTree(p.ops())));
            } catch (java.io.IOException | ClassCastException e) {
                throw new IllegalStateException("its stored patch to revision " + p.revision() + " is not a JSON array", e);
            }
        }
    }

    /** What storage returned, parsed (but for the calls), its log replayed; the owner epoch the activation took. */
    record StoredData(long revision, JsonNode state, JsonNode timers, List<StoredCall> calls, long snapshotRevision,
            String history, List<StoredPatch> log, long ownerEpoch) {
    }

    // ---- messages ----

    private void handle(InstanceMessage message) {
        if (message instanceof InstanceMessage.Call || message instanceof InstanceMessage.Join
                || message instanceof InstanceMessage.Leave || message instanceof InstanceMessage.Read
                || message instanceof InstanceMessage.TimerDue) {
            lastActivity = context.millis(); // upkeep messages don't count as use
        }
        try {
            if (handingOff && (InstanceMessage.activates(message) || message instanceof InstanceMessage.TimerDue)) {
                Host.moved(key, message); // its server sends it to the new owner, which loads the timers
            } else if (message instanceof InstanceMessage.Call m) {
                onCall(m);
            } else if (message instanceof InstanceMessage.Join m) {
                onJoin(m);
            } else if (message instanceof InstanceMessage.Leave m) {
                onLeave(m);
            } else if (message instanceof InstanceMessage.Read m) {
                onRead(m);
            } else if (message instanceof InstanceMessage.Stored m) {
                onStored(m);
            } else if (message instanceof InstanceMessage.StoreFailed m) {
                onStoreFailed(m);
            } else if (message instanceof InstanceMessage.TimerDue m) {
                onTimerDue(m);
            } else if (message instanceof InstanceMessage.Lagged m) {
                m.connection().live = false;
            } else if (message instanceof InstanceMessage.Resync m) {
                onResync(m);
            } else if (message instanceof InstanceMessage.Tick m) {
                onTick(m);
            } else if (message instanceof InstanceMessage.CloseConnections m) {
                onCloseConnections(m);
            } else if (message instanceof InstanceMessage.Handoff) {
                onHandoff();
            }
        } catch (RuntimeException e) {
            LOG.error("Handling {} in {} failed", message.getClass().getSimpleName(), key, e);
        }
    }

    private void onCall(InstanceMessage.Call call) {
        long waited = System.nanoTime() - call.postedAt();
        long timeout = host.config().getLimits().getCallTimeout().toNanos();
        if (waited > timeout) {
            metrics.rejected(ErrorCode.TIMEOUT);
            Outcome timedOut = Outcome.failed(ErrorCode.TIMEOUT, "the call waited " + TimeUnit.NANOSECONDS.toMillis(waited)
                    + " ms for its turn, longer than tandem.limits.call-timeout (" + host.config().getLimits().getCallTimeout()
                    + "), and did not run");
            gate.add(lastStoredChange, () -> call.reply().accept(timedOut), reason -> call.reply().accept(timedOut));
            return;
        }
        java.util.function.Consumer<Outcome> reply = call.reply();
        String clientKey = null;
        String callKey = null;
        if (call.clientId() != null && call.callId() != null) {
            clientKey = CallCache.clientKey(call.caller().userId(), call.clientId());
            callKey = CallCache.callKey(call.callId());
            CallCache.Entry seen = calls.lookup(clientKey, callKey, lastActivity);
            if (seen != null) {
                seen.attach(reply); // a resend: same outcome, no second run
                return;
            }
            CallCache.Entry entry = calls.pending(clientKey, callKey);
            entry.attach(reply);
            reply = entry::complete;
        }
        LiveObjectException refused = access.refuseWrite(turns.target(), call.caller(), call.action());
        if (refused != null) {
            metrics.rejected(refused.code());
            Outcome outcome = Outcome.failed(refused.code(), refused.getMessage());
            java.util.function.Consumer<Outcome> refusedReply = reply;
            gate.add(lastStoredChange, () -> refusedReply.accept(outcome), reason -> refusedReply.accept(outcome));
            return; // answered (and remembered for a resend), nothing ran
        }
        claim();
        long start = System.nanoTime();
        TurnRunner.Result result = turns.runAction(call.action(),
                o -> definition.actions().invoke(o, call.action(), call.arguments(), call.caller()));
        metrics.turn(System.nanoTime() - start, result.ok());
        Outcome outcome;
        if (result.ok()) {
            // A caller connected to this instance gets its own patch inside the answer: one frame, not two.
            ClientConnection own = call.caller() instanceof ClientConnection c
                    && connections.get(c.connectionId()) == c ? c : null;
            byte[] patch = commit(result, own);
            JsonNode value = result.value() == null ? Frames.JSON.nullNode() : result.value();
            outcome = Outcome.ok(revision, value, own != null ? patch : null);
            if (clientKey != null && (result.storedChanged() || !result.timerChanges().isEmpty())) {
                // stored with the state it changed, so its resend after a crash does not run it again
                unstoredCalls.add(new CallCache.Unstored(clientKey, callKey, revision, value));
            }
        } else {
            outcome = Failures.outcome(result.failure(), key, "action '" + call.action() + "'");
        }
        if (!outcome.isOk()) {
            metrics.rejected(outcome.error());
        }
        java.util.function.Consumer<Outcome> finalReply = reply;
        gate.add(lastStoredChange, () -> finalReply.accept(outcome),
                reason -> finalReply.accept(Outcome.failed(ErrorCode.UNAVAILABLE, reason)));
    }

    /** Commits a successful turn: next revision, patch to the resume buffer, broadcast through the gate. */
    private void commit(TurnRunner.Result result) {
        commit(result, null);
    }

    /**
     * Commits a successful turn; {@link #revision} is then the one that includes it.
     *
     * @param skip a connection that gets the patch with its answer instead, or {@code null}
     * @return the encoded patch message, or {@code null} if the turn changed no field
     */
    private byte[] commit(TurnRunner.Result result, ClientConnection skip) {
        boolean timersChanged = timers.apply(result.timerChanges());
        if (result.ops() == null) {
            if (timersChanged) {
                storedDirty = true;
                lastStoredChange = revision;
            }
            return null;
        }
        revision++;
        if (result.storedOps() != null) {
            unstoredLog.add(new PatchEntry(revision, logEnd, result.storedOps()));
            logEnd = revision;
        }
        if (result.storedChanged() || timersChanged) {
            storedDirty = true;
            lastStoredChange = revision;
        }
        byte[] frame = Frames.patch(revision, result.ops());
        resume.add(revision, frame);
        PatchFrames frames = views.afterTurn(revision, frame);
        long turn = revision; // where the broadcast starts: a different connection first on every turn
        gate.add(lastStoredChange, () -> metrics.broadcast(frames.sendTo(connections.values(), skip, turn),
                frame.length), reason -> { });
        return skip == null ? frame : frames.to(skip.userId());
    }

    private void onJoin(InstanceMessage.Join join) {
        ClientConnection conn = join.connection();
        LiveObjectException forbidden = access.refuseRead(turns.target(), conn);
        if (forbidden != null) {
            metrics.rejected(forbidden.code());
            refuse(conn, forbidden.code() == ErrorCode.INTERNAL ? 4500 : 4403, forbidden.code(), forbidden.getMessage());
            return;
        }
        claim();
        int max = host.config().getLimits().getMaxConnectionsPerInstance();
        if (connections.size() >= max) {
            refuse(conn, 4429, ErrorCode.UNAVAILABLE, key + " already has " + max
                    + " connections (tandem.limits.max-connections-per-instance)");
            return;
        }
        connections.put(conn.connectionId(), conn);
        boolean arrived = context.presence().add(conn); // the hooks already see it
        boolean runJoin = arrived && definition.hasOnJoin() && !join.moved();
        if ((definition.hasOnConnect() && !join.moved()) || runJoin) {
            TurnRunner.Result result = turns.run(o -> { // one turn: a refusal by either keeps neither
                definition.onConnect(o, conn);
                if (runJoin) {
                    definition.onJoin(o, conn);
                }
                return null;
            });
            if (!result.ok()) {
                connections.remove(conn.connectionId());
                context.presence().remove(conn);
                Outcome refused = Failures.outcome(result.failure(), key, runJoin ? "@OnConnect/@OnJoin" : "@OnConnect");
                refuse(conn, refused.error() == ErrorCode.INTERNAL ? 4500 : 4403, refused.error(), refused.message());
                return;
            }
            commit(result);
        }
        conn.joined = true;
        views.attach(conn, revision);
        connectionCount = connections.size();
        host.metrics().connected(1);
        long at = revision;
        List<byte[]> missed = join.resumeRevision() >= 0 && epoch.equals(join.resumeEpoch())
                && views.unchangedSince(conn.userId(), join.resumeRevision())
                ? resume.since(join.resumeRevision(), at) : null;
        if (missed != null) {
            byte[] resumed = Frames.resumed(at, epoch);
            gate.add(lastStoredChange, () -> goLive(conn, missed, resumed), reason -> conn.sink().close(4503, reason));
        } else {
            sendSnapshot(conn);
        }
    }

    private void sendSnapshot(ClientConnection conn) {
        byte[] snapshot = Frames.snapshot(revision, epoch, views.stateFor(conn, turns.snapshot(false)), conn);
        gate.add(lastStoredChange, () -> goLive(conn, List.of(), snapshot), reason -> conn.sink().close(4503, reason));
    }

    private void goLive(ClientConnection conn, List<byte[]> before, byte[] frame) {
        if (conn.gone) {
            return;
        }
        before.forEach(conn.sink()::send);
        conn.sink().sendSync(frame);
        conn.live = true;
    }

    private void refuse(ClientConnection conn, int closeCode, ErrorCode code, String message) {
        conn.gone = true;
        conn.sink().send(Frames.error(null, code, message));
        conn.sink().close(closeCode, message);
    }

    private void onLeave(InstanceMessage.Leave leave) {
        ClientConnection conn = leave.connection();
        if (!connections.remove(conn.connectionId(), conn)) {
            return; // not this connection (another with its ID joined since, in a cluster), or gone
        }
        conn.gone = true;
        conn.live = false;
        if (conn.joined) {
            views.detach(conn);
        }
        connectionCount = connections.size();
        host.metrics().connected(-1);
        boolean gone = conn.joined && context.presence().remove(conn); // the hooks no longer see it
        if (conn.joined && definition.hasOnDisconnect()) {
            runLeaveHook(o -> definition.onDisconnect(o, conn), "@OnDisconnect");
        }
        if (gone && definition.hasOnLeave()) {
            runLeaveHook(o -> definition.onLeave(o, conn), "@OnLeave"); // its own turn: a failed @OnDisconnect can't keep the user here
        }
    }

    /** A hook that can't refuse anything: its failure is logged and its changes dropped. */
    private void runLeaveHook(HookCall<T> hook, String what) {
        TurnRunner.Result result = turns.run(o -> {
            hook.call(o);
            return null;
        });
        if (result.ok()) {
            commit(result);
        } else {
            Failures.outcome(result.failure(), key, what);
        }
    }

    @FunctionalInterface
    private interface HookCall<T> {
        void call(T target) throws Exception;
    }

    private void onRead(InstanceMessage.Read read) {
        if (unclaimed && !ServerCaller.is(read.caller())) {
            read.reply().completeExceptionally(Host.notFound(key));
            return;
        }
        LiveObjectException refused = access.refuseRead(turns.target(), read.caller());
        if (refused != null) {
            metrics.rejected(refused.code());
            read.reply().completeExceptionally(refused);
            return;
        }
        claim();
        Snapshot snapshot = new Snapshot(revision, epoch, views.stateForReader(read.caller(), turns.snapshot(false)));
        gate.add(lastStoredChange, () -> read.reply().complete(snapshot),
                reason -> read.reply().completeExceptionally(new dev.tandem.runtime.LiveObjectException(ErrorCode.UNAVAILABLE, reason)));
    }

    private void onResync(InstanceMessage.Resync resync) {
        if (!resync.connection().gone && connections.containsKey(resync.connection().connectionId())) {
            resync.connection().live = false;
            sendSnapshot(resync.connection());
        }
    }

    // ---- timers ----

    private void onTimerDue(InstanceMessage.TimerDue due) {
        int failedBefore = timers.take(due.timer(), due.dueAt());
        if (failedBefore < 0) {
            return; // moved or cancelled since
        }
        claim();
        storedDirty = true; // the timer is no longer pending, or pending again with its failed runs
        lastStoredChange = revision;
        TurnRunner.Result result = turns.runTimer(due.timer(), o -> {
            definition.onTimer(o, due.timer());
            return null;
        });
        if (result.ok()) {
            commit(result);
            return;
        }
        int runs = failedBefore + 1;
        long next = host.retries().next(key, due.timer(), runs, result.failure(), host.clock().millis());
        if (next != TimerRetries.DROP) {
            timers.retry(due.timer(), next, runs);
            metrics.timerRetried();
        } else if (TimerRetries.retriable(result.failure())) {
            metrics.timerDropped();
        }
    }

    // ---- storage ----

    private void afterBatch() {
        if (storedDirty) {
            storedDirty = false;
            long expected = submitted;
            submitted = revision;
            long at = revision;
            List<StoredCall> callsToStore = unstoredCalls.isEmpty() ? List.of()
                    : calls.rows(unstoredCalls, context.millis());
            unstoredCalls = new ArrayList<>();
            if (revision > logEnd) { // revisions that changed only fields kept out of storage: one empty step
                unstoredLog.add(new PatchEntry(revision, logEnd, Frames.JSON.createArrayNode()));
                logEnd = revision;
            }
            List<PatchEntry> log = unstoredLog;
            unstoredLog = new ArrayList<>();
            submittedBytes += GroupCommitter.loggedBytes(log);
            boolean withState;
            if (expected == 0 || GroupCommitter.tooLarge(log) || GroupCommitter.snapshotNext(logCursor)) {
                // must carry a snapshot; writes queued behind it may merge with it, so they carry the state too
                stateUntilStored = at;
                withState = true;
            } else if (stateUntilStored > confirmed) {
                withState = true;
            } else if (dueStateSentAt <= confirmed && host.committer().snapshotMayBeDue(logCursor, at,
                    submittedBytes - GroupCommitter.storedBytes(logCursor))) {
                dueStateSentAt = at; // once: whether the writer took it is known when it is stored
                withState = true;
            } else {
                withState = false;
            }
            host.committer().submit(new GroupCommitter.Pending(this, key.type(), key.id(), expected, at,
                    withState ? turns.snapshot(true) : null, log, history, ownerEpoch, timers.toJson(), timers.wakeAt(),
                    callsToStore, logCursor,
                    new GroupCommitter.Listener() {
                        @Override
                        public void stored(long storedRevision) {
                            if (!mailbox.offer(new InstanceMessage.Stored(storedRevision))) {
                                LOG.debug("{} stored revision {} after it left memory", key, storedRevision);
                            }
                        }

                        @Override
                        public void failed(RuntimeException failure) {
                            mailbox.offer(new InstanceMessage.StoreFailed(failure));
                        }
                    }));
        }
        gate.releaseUpTo(confirmed);
    }

    private void onStored(InstanceMessage.Stored stored) {
        confirmed = Math.max(confirmed, stored.revision());
    }

    /**
     * A write failed, so the state in memory is ahead of storage and must not be shown: every held
     * output fails, every client is disconnected (to reconnect and load what is stored), and the
     * instance leaves memory. Messages still queued go to a fresh activation.
     */
    private void onStoreFailed(InstanceMessage.StoreFailed failed) {
        boolean fenced = failed.failure() instanceof dev.tandem.runtime.storage.FencedWriteException;
        String reason;
        String closeReason;
        if (fenced) { // another server owns it now: an expected step-down, not a fault here
            LOG.warn("Dropping this copy of {} and its unstored changes: {}", key, failed.failure().getMessage());
            host.fenced(key);
            reason = "another server took over " + key + " before the change was stored, so it was not applied;"
                    + " try again";
            closeReason = key + " moved to another server; reconnect";
        } else {
            LOG.error("Storing {} failed; dropping its unstored changes and reloading it: {}", key, failed.failure().toString());
            reason = "the change could not be stored, so it was not applied (" + key + " is reloading); try again";
            closeReason = key + " was reset after a storage failure; reconnect";
        }
        gate.failAll(reason);
        for (ClientConnection c : new ArrayList<>(connections.values())) {
            c.gone = true;
            if (fenced) {
                c.sink().moved(closeReason);
            } else {
                c.sink().close(4503, closeReason);
            }
        }
        dropConnections();
        deactivate();
    }

    private void dropConnections() {
        host.metrics().connected(-connections.size());
        connections.clear();
        context.presence().clear();
        views.clear();
        connectionCount = 0;
    }

    /**
     * Another server owns the instance now: what this copy committed goes out once stored, then
     * its connections move (without @OnDisconnect: they continue on the new owner) and it leaves
     * memory. Storage fences it meanwhile: the new owner's activation makes its writes fail.
     */
    private void onHandoff() {
        if (handingOff) {
            return;
        }
        handingOff = true;
        gate.add(lastStoredChange, this::handedOff, reason -> handedOff());
    }

    private void handedOff() {
        if (mailbox.isClosed()) {
            return; // a failed write stepped it down already
        }
        for (ClientConnection c : new ArrayList<>(connections.values())) {
            c.gone = true;
            c.sink().moved(key + " moved to another server");
        }
        dropConnections();
        deactivate();
    }

    private void onTick(InstanceMessage.Tick tick) {
        calls.sweep(tick.now() - host.config().getResume().getCallCacheTime().toMillis());
        boolean idle = connections.isEmpty() && gate.isEmpty() && !storedDirty && confirmed >= submitted
                && mailbox.isEmpty();
        long idleFor = tick.now() - lastActivity;
        if (idle && (tick.force() || idleFor >= host.config().getPassivation().getIdleTime().toMillis())) {
            LOG.debug("{} leaves memory after {} ms idle", key, idleFor);
            deactivate();
        }
    }

    private void deactivate() {
        mailbox.close();
        timers.cancelAll();
        host.removed(this);
        mailbox.drain(m -> host.repost(key, m));
    }

    /**
     * Closes every connection, each after the outputs already waiting for storage (the results of
     * calls that ran), so a call that ran is answered before the close; @OnDisconnect runs for each
     * (and @OnLeave for each user's last), as when a client leaves.
     */
    private void onCloseConnections(InstanceMessage.CloseConnections close) {
        for (ClientConnection c : new ArrayList<>(connections.values())) {
            Runnable closeIt = () -> c.sink().close(close.code(), close.reason());
            gate.add(lastStoredChange, closeIt, reason -> closeIt.run());
            onLeave(new InstanceMessage.Leave(c));
        }
    }

    // ---- for the host ----

    boolean offer(InstanceMessage message) {
        return mailbox.offer(message);
    }

    long lastActivity() {
        return lastActivity;
    }

    boolean hasConnections() {
        return connectionCount > 0;
    }
}
