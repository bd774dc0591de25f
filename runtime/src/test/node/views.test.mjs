// The TypeScript client and @View / @ServerOnly, against a real server (see client.test.mjs): each
// client's state has its own view, updated by patches, and never a server-only field.
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { connect, CardTable } from "./client.js";
import { uid, waitFor } from "./support.mjs";

const url = process.env.TANDEM_URL;
const options = extra => ({ url, WebSocket, minDelay: 20, maxDelay: 200, ...extra });

test("each client's state has its own view, kept up to date by patches", async () => {
  const id = uid("views");
  const a = await connect(CardTable, id, options({ session: uid("player") })); // two users
  const b = await connect(CardTable, id, options({ session: uid("player") }));
  try {
    assert.deepEqual(a.state.hand, []);
    assert.equal("hands" in a.state, false, "a server-only field is not in the state");
    await a.actions.draw("A-SECRET");
    assert.deepEqual(a.state.hand, ["A-SECRET"], "when the promise resolves, the caller's view includes the turn");
    await waitFor(() => b.revision === a.revision, "b reaches a's revision");
    assert.deepEqual(b.state.hand, [], "b sees its own (empty) hand, not a's");
    const seen = [];
    const stop = b.subscribe(state => seen.push(state.hand));
    assert.ok(b.userId, "the client knows its user ID from the snapshot");
    await a.actions.give(b.userId, "FOR-B");
    await waitFor(() => b.state.hand.length === 1, "b's view updates through a patch");
    assert.deepEqual(b.state.hand, ["FOR-B"]);
    assert.ok(seen.some(h => h.length === 1), "subscribers see the view change");
    stop();
    assert.deepEqual(a.state.hand, ["A-SECRET"]);
    assert.equal(JSON.stringify(b.state).includes("A-SECRET"), false);
  } finally {
    a.close();
    b.close();
  }
});
