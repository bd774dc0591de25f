// How the TypeScript client recovers: from a patch that does not apply or leaves a gap (it resyncs:
// a fresh snapshot, no resume), and from a connection that went silent (heartbeats: it pings, then
// reconnects with resume). Scripted servers (the `ws` package) play the server's part; the real
// server (TANDEM_URL) shows that a healthy idle connection stays open.
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket, { WebSocketServer } from "ws";
import { connect, Counter } from "./client.js";
import { waitFor } from "./support.mjs";

const url = process.env.TANDEM_URL;
const options = extra => ({ WebSocket, minDelay: 20, maxDelay: 200, ...extra });

/**
 * A server that runs `script(socket, n, query)` for its n-th connection (from 0) and records what
 * each connection received.
 */
async function scriptedServer(script) {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise(resolve => server.on("listening", resolve));
  const connections = [];
  server.on("connection", (socket, request) => {
    const query = new URL(request.url, "ws://x").searchParams;
    const received = [];
    connections.push({ query, received, socket });
    socket.on("message", data => received.push(JSON.parse(String(data))));
    script(socket, connections.length - 1, query);
  });
  return { url: `ws://127.0.0.1:${server.address().port}`, connections, close: () => server.close() };
}

const snapshot = (rev, state) => JSON.stringify({ type: "snapshot", rev, epoch: "e1", connectionId: "c", userId: "u", state });

for (const [what, bad] of [
  ["a patch that leaves a gap", { type: "patch", rev: 3, ops: [{ op: "replace", path: "/count", value: 3 }] }],
  ["a patch that does not apply", { type: "patch", rev: 2, ops: [{ op: "remove", path: "/nope" }] }],
  ["a call's ops that do not apply", { type: "result", id: 1, rev: 2, value: 1, ops: [{ op: "replace", path: "/log/5", value: 1 }] }],
]) {
  test(`${what} makes the client resync: no resume, a fresh snapshot, never a corrupted state`, async () => {
    const server = await scriptedServer((socket, n) => {
      if (n === 0) {
        socket.send(snapshot(1, { count: 1, log: [] }));
        setTimeout(() => socket.send(JSON.stringify(bad)), 50);
      } else {
        socket.send(snapshot(7, { count: 7, log: [7] }));
        socket.on("message", data => {
          const m = JSON.parse(String(data));
          if (m.type === "call") {
            socket.send(JSON.stringify({ type: "result", id: m.id, rev: 7, value: 1 }));
          }
        });
      }
    });
    const a = await connect(Counter, "x", options({ url: server.url }));
    try {
      const states = [];
      const statuses = [];
      a.subscribe(s => states.push(s));
      a.onStatus(s => statuses.push(s));
      const call = bad.type === "result" ? a.actions.increment(1) : null;
      await waitFor(() => server.connections.length === 2 && a.status === "open" && a.revision === 7, "resynced");
      assert.deepEqual(statuses, ["reconnecting", "open"]);
      assert.equal(server.connections[1].query.get("rev"), null, "no resume: a fresh snapshot");
      assert.equal(server.connections[1].query.get("epoch"), null);
      assert.deepEqual(states.map(s => s.count), [7], "no state between the last good one and the snapshot");
      assert.deepEqual(a.state, { count: 7, log: [7] });
      if (call) {
        assert.equal(await call, 1, "the call is sent again and completes from the fresh snapshot");
      }
    } finally {
      a.close();
      server.close();
    }
  });
}

test("a server that goes silent: the client pings, then reconnects with resume within the heartbeat timeout", async () => {
  const server = await scriptedServer((socket, n) => {
    socket.send(snapshot(4, { count: 4, log: [] })); // then never answers
    if (n > 0) {
      socket.on("message", data => JSON.parse(String(data)).type === "ping" && socket.send('{"type":"pong"}'));
    }
  });
  const a = await connect(Counter, "x", options({ url: server.url, heartbeatInterval: 50, heartbeatTimeout: 300 }));
  try {
    const statuses = [];
    a.onStatus(s => statuses.push(s));
    const silentSince = Date.now();
    await waitFor(() => statuses.includes("reconnecting"), "the client gives the silent connection up", 3000);
    const noticedAfter = Date.now() - silentSince;
    assert.ok(noticedAfter >= 250 && noticedAfter < 1500, `noticed after ${noticedAfter} ms`);
    assert.ok(server.connections[0].received.some(m => m.type === "ping"), "it pinged first");
    // the client closed it; the server's side learns so a moment later
    await waitFor(() => server.connections[0].socket.readyState !== WebSocket.OPEN, "the silent socket is closed", 2000);
    await waitFor(() => a.status === "open" && server.connections.length === 2, "reconnected");
    assert.equal(server.connections[1].query.get("rev"), "4", "a reconnect with resume");
    assert.equal(server.connections[1].query.get("epoch"), "e1");
    await new Promise(r => setTimeout(r, 600)); // the second server answers pings: it stays
    assert.equal(server.connections.length, 2);
    assert.equal(a.status, "open");
  } finally {
    a.close();
    server.close();
  }
});

test("an idle connection to a real server stays open with small heartbeat intervals", async () => {
  const a = await connect(Counter, `idle-${Math.random().toString(36).slice(2, 10)}`,
      options({ url, heartbeatInterval: 50, heartbeatTimeout: 250 }));
  try {
    const statuses = [];
    a.onStatus(s => statuses.push(s));
    await new Promise(r => setTimeout(r, 1200));
    assert.deepEqual(statuses, [], "no drop: the pongs kept it alive");
    assert.equal(await a.actions.increment(2), 2);
  } finally {
    a.close();
  }
});
