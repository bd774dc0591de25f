// The TypeScript client keeps the anonymous session credential the server issues: the same user on
// every connection of the process and across reconnects, never in state; a user ID is no credential.
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { connect, Guestbook } from "./client.js";
import { uid, waitFor } from "./support.mjs";

const url = process.env.TANDEM_URL;
const options = extra => ({ url, WebSocket, minDelay: 20, maxDelay: 200, ...extra });

test("the client keeps its credential: one user across connections and reconnects, never in state", async () => {
  const id = uid("who");
  const issued = [];
  // opened together before the process has a credential: one waits for the other's, so both are one user
  const [a, first] = await Promise.all([connect(Guestbook, id, options({ onSession: s => issued.push(s) })),
    connect(Guestbook, id, options({ onSession: s => issued.push(s) }))]);
  try {
    assert.equal(first.userId, a.userId, "connections opened together are one user");
    first.close();
    assert.equal(issued.length, 1, "the server issued one credential to a new client");
    const [credential] = issued;
    assert.notEqual(credential, a.userId);
    assert.ok(!credential.includes(a.userId), "the user ID is not part of the credential");
    assert.equal(await a.actions.sign(), a.userId);

    const b = await connect(Guestbook, id, options({ onSession: s => issued.push(s) }));
    assert.equal(b.userId, a.userId, "a later connection of the process is the same user");
    b.close();

    const statuses = [];
    a.onStatus(s => statuses.push(s));
    const r = await fetch(`${url}/test/disconnect/guestbook/${id}`, { method: "POST" });
    assert.equal(r.status, 200);
    await waitFor(() => statuses.includes("reconnecting") && a.status === "open", "the client is back");
    assert.equal(await a.actions.sign(), a.userId, "the same user after the reconnect");
    assert.equal(issued.length, 1, "no new credential was needed");
    assert.ok(!JSON.stringify(a.state).includes(credential), "the credential is never in state");
    assert.deepEqual(a.state.signatures, [a.userId, a.userId]);
  } finally {
    a.close();
  }
});

test("an explicit credential is that user; a user ID presented as one is a new user", async () => {
  const id = uid("explicit");
  const first = await connect(Guestbook, id, options());
  const victim = first.userId;
  first.close();
  let saved;
  const me = await connect(Guestbook, id, options({ session: undefined, onSession: s => { saved = s; } }));
  assert.equal(me.userId, victim, "the process's stored credential");
  me.close();
  const issued = [];
  const thief = await connect(Guestbook, id, options({ session: victim, onSession: s => issued.push(s) }));
  try {
    assert.notEqual(thief.userId, victim, "a user ID is not a credential");
    assert.equal(issued.length, 1, "it got a credential of its own instead");
    assert.equal(await thief.actions.sign(), thief.userId);
    assert.equal(saved, undefined);
  } finally {
    thief.close();
  }
});

test("a credential is kept per server and never presented to another one", async () => {
  const { WebSocketServer } = await import("ws");
  const mine = await connect(Guestbook, uid("mine"), options());
  mine.close(); // the process now holds a credential for the test server
  const other = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise(r => other.once("listening", r));
  const seen = new Promise(r => other.once("connection", (socket, request) => {
    r(request.url);
    socket.close(4404, "no such type");
  }));
  try {
    const attempt = connect(Guestbook, "x", options({ url: `ws://127.0.0.1:${other.address().port}`, connectTimeout: 2000 }));
    const query = new URL(await seen, "ws://x").searchParams;
    assert.equal(query.get("session"), null, "the other server gets no credential of the first");
    await attempt.then(c => c.close(), () => {});
  } finally {
    other.close();
  }
});
