// End-to-end tests of the TypeScript client runtime in Node, against a real Tandem server that
// NodeClientTest (JUnit) starts; TANDEM_URL is its address. The client is the module it serves.
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket, { WebSocketServer } from "ws";
import { createServer } from "node:net";
import { connect, Counter, Room, TandemError } from "./client.js";
import { uid, waitFor } from "./support.mjs";

const url = process.env.TANDEM_URL;
const options = extra => ({ url, WebSocket, minDelay: 20, maxDelay: 200, ...extra });

async function dropConnections(type, id) {
  const r = await fetch(`${url}/test/disconnect/${type}/${id}`, { method: "POST" });
  assert.equal(r.status, 200);
}

test("two clients see each other's changes", async () => {
  const id = uid("node");
  const a = await connect(Counter, id, options());
  const b = await connect(Counter, id, options());
  try {
    assert.equal(a.state.count, 0);
    assert.equal(await a.actions.increment(5), 5);
    assert.equal(a.state.count, 5, "when the promise resolves, the local state includes the call");
    await waitFor(() => b.state.count === 5, "b sees a's change");
    await b.actions.append(42);
    await waitFor(() => a.state.log.length === 1, "a sees b's change");
    assert.deepEqual(a.state.log, [42]);
    assert.equal(a.revision, b.revision);
  } finally {
    a.close();
    b.close();
  }
});

test("a rejection is a typed error with the server's message", async () => {
  const a = await connect(Counter, uid("reject"), options());
  try {
    await assert.rejects(a.actions.increment(0), e => e instanceof TandemError && e.code === "rejected"
        && e.message === "Increment by at least 1");
    await assert.rejects(a.call("increment", ["five"]), e => e.code === "bad_arguments"
        && e.message.startsWith("increment(by: int): argument 'by' expected an int"));
    await assert.rejects(a.call("jump", []), e => e.code === "unknown_action");
    assert.equal(a.status, "open", "errors don't close the connection");
  } finally {
    a.close();
  }
});

test("state is replaced, never modified, and unchanged parts keep their identity", async () => {
  const a = await connect(Counter, uid("immutable"), options());
  try {
    await a.actions.append(1);
    const before = a.state;
    await a.actions.increment(1);
    assert.notEqual(a.state, before, "a new state object");
    assert.equal(before.count, 0, "the old state is untouched");
    assert.equal(a.state.log, before.log, "the unchanged log is the same array");
    await a.actions.append(2);
    assert.notEqual(a.state.log, before.log);
    assert.deepEqual(before.log, [1]);
  } finally {
    a.close();
  }
});

test("after the server drops the socket, the client reconnects and resumes without gaps or duplicates", async () => {
  const id = uid("drop");
  const a = await connect(Counter, id, options());
  const b = await connect(Counter, id, options());
  try {
    await a.actions.increment(1);
    const revisions = [];
    const statuses = [];
    a.subscribe(() => revisions.push(a.revision));
    a.onStatus(s => statuses.push(s));
    const start = a.revision;
    await dropConnections("counter", id);
    await waitFor(() => statuses.includes("reconnecting"), "a notices the drop");
    for (let i = 0; i < 3; i++) {
      await b.actions.increment(1);
    }
    await waitFor(() => a.state.count === 4 && a.status === "open", "a is back and caught up");
    assert.deepEqual(revisions, [start + 1, start + 2, start + 3],
        "exactly the missed patches, each once, in order (a snapshot would have skipped revisions)");
  } finally {
    a.close();
    b.close();
  }
});

test("a call made while offline is sent after the reconnect and runs exactly once", async () => {
  const id = uid("offline");
  const a = await connect(Counter, id, options({ minDelay: 150, maxDelay: 300 }));
  try {
    const statuses = [];
    a.onStatus(s => statuses.push(s));
    await dropConnections("counter", id);
    await waitFor(() => statuses.includes("reconnecting"), "a notices the drop");
    const value = await a.actions.increment(7);
    assert.equal(value, 7);
    assert.equal(await a.actions.get(), 7, "it ran once");
  } finally {
    a.close();
  }
});

test("calls in flight when the socket drops are sent again and still run once", async () => {
  const id = uid("inflight");
  const a = await connect(Counter, id, options());
  try {
    const slow = a.actions.sleep(400);
    const inc = a.actions.increment(1);
    await new Promise(r => setTimeout(r, 50)); // both have reached the server; neither is answered
    await dropConnections("counter", id);
    await slow;
    assert.equal(await inc, 1);
    assert.equal(await a.actions.get(), 1, "the resent increment did not run again");
  } finally {
    a.close();
  }
});

test("close() ends the connection, fails waiting calls and leaves the instance", async () => {
  const id = uid("close");
  const watcher = await connect(Room, id, options());
  const a = await connect(Room, id, options({ attributes: { name: "Ada" } }));
  await waitFor(() => Object.keys(watcher.state.online).length === 2, "both online");
  const pending = a.actions.move(1, 2);
  a.close();
  assert.equal(a.status, "closed");
  await assert.rejects(pending, e => e.code === "closed");
  await assert.rejects(a.actions.move(1, 2), e => e.code === "closed");
  await waitFor(() => Object.keys(watcher.state.online).length === 1, "the server ran @OnDisconnect");
  watcher.close();
});

test("connecting to an unknown type rejects with not_found", async () => {
  await assert.rejects(connect({ type: "chess", actions: [] }, "x", options()),
      e => e instanceof TandemError && e.code === "not_found" && e.message.startsWith("no live-object type 'chess'"));
});

/** A port nothing listens on: taken from the system, then released. */
async function closedPort() {
  const server = createServer();
  await new Promise(resolve => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise(resolve => server.close(resolve));
  return port;
}

test("connecting to a port nothing listens on rejects at once with connection refused", async () => {
  const port = await closedPort();
  const started = Date.now();
  await assert.rejects(connect(Counter, "x", options({ url: `ws://127.0.0.1:${port}` })),
      e => e instanceof TandemError && e.code === "connection_failed"
        && e.message.startsWith(`connection refused: nothing listens at ws://127.0.0.1:${port}/tandem/ws/counter/x`));
  assert.ok(Date.now() - started < 5000, "no silent retries until the connect timeout");
});

test("a server that refuses the connection rejects it with the server's code and reason", async () => {
  const id = uid("full");
  const open = [];
  for (let i = 0; i < 3; i++) { // NodeClientTest allows 3 connections per instance
    open.push(await connect(Counter, id, options()));
  }
  try {
    const started = Date.now();
    await assert.rejects(connect(Counter, id, options()), e => e instanceof TandemError && e.code === "unavailable"
        && e.message.includes("tandem.limits.max-connections-per-instance"));
    assert.ok(Date.now() - started < 5000, "no silent retries until the connect timeout");
  } finally {
    open.forEach(c => c.close());
  }
});

test("a socket closed before the snapshot reports its close code and reason", async () => {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise(resolve => server.on("listening", resolve));
  server.on("connection", socket => socket.close(1011, "not today"));
  try {
    const base = `ws://127.0.0.1:${server.address().port}`;
    await assert.rejects(connect(Counter, "x", options({ url: base })), e => e.code === "connection_failed"
        && e.message === `the socket to ${base}/tandem/ws/counter/x closed with code 1011 (not today) before the first snapshot`);
  } finally {
    server.close();
  }
});
