// The TypeScript client and a state machine on a real server (the Order fixture, workkit's order):
// allowed/can/matches computed on the client follow the server's patches, and a disallowed call
// rejects with a typed InvalidTransition carrying the server's state and allowed actions.
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { connect, InvalidTransition, Order, TandemError } from "./client.js";
import { uid, waitFor } from "./support.mjs";

const url = process.env.TANDEM_URL;
const options = () => ({ url, WebSocket });

test("a disallowed call rejects with InvalidTransition; allowed follows the server's state", async () => {
  const id = uid("order");
  const a = await connect(Order, id, options());
  const b = await connect(Order, id, options());
  try {
    assert.equal(a.state.status, "PENDING");
    assert.deepEqual(a.allowed, ["pay", "cancel"]);
    assert.equal(a.can.pay, true);
    assert.equal(a.can.deliver, false);
    assert.equal(a.matches("PENDING"), true);
    await assert.rejects(a.actions.deliver(), e => e instanceof InvalidTransition && e instanceof TandemError
        && e.code === "invalid_transition"
        && e.message === 'state "PENDING" does not handle "deliver"; allowed: pay, cancel'
        && e.state === "PENDING" && JSON.stringify(e.allowed) === '["pay","cancel"]');
    await a.actions.pay("p-1");
    assert.equal(a.matches("PROCESSING"), true, "the caller's view includes its own turn when the promise resolves");
    await waitFor(() => b.matches("PROCESSING"), "b sees the new state");
    assert.deepEqual(b.allowed, ["cancel", "ship", "shipStraightToTheDoor"]);
    assert.equal(b.can.pay, false);
    await assert.rejects(b.actions.pay("p-2"), e => e instanceof InvalidTransition && e.state === "PROCESSING"
        && JSON.stringify(e.allowed) === JSON.stringify(b.allowed), "the server's allowed list is the client's");
    await b.actions.ship();
    await waitFor(() => a.matches("SHIPPED"), "a sees SHIPPED");
    assert.deepEqual(a.allowed, ["deliver"]);
  } finally {
    a.close();
    b.close();
  }
});
