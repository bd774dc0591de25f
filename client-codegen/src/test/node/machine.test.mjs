// The client's state-machine view (allowed, can, matches) and its InvalidTransition error, with the
// generated served client of the processor's golden order model (a machine with a free action).
import { test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { connect, InvalidTransition, machineView, Order, TandemError, TicTacToe } from "./client.js";
import { scriptedServer, waitFor } from "./scripted-server.mjs";

const pending = { status: "PENDING", items: [], name: "" };

test("allowed, can and matches follow the state field, with no round trip", async () => {
  const server = await scriptedServer(pending);
  const order = await connect(Order, "o-1", { url: server.url, WebSocket });
  try {
    assert.deepEqual(order.allowed, ["pay", "cancel", "rename"], "transitions from PENDING in order, then free");
    assert.deepEqual(order.can, { cancel: true, deliver: false, pay: true, rename: true, ship: false });
    assert.equal(order.matches("PENDING"), true);
    assert.equal(order.matches("PAID"), false);
    const peer = await server.next();
    peer.send({ type: "patch", rev: 2, ops: [{ op: "replace", path: "/status", value: "PAID" }] });
    await waitFor(() => order.state.status === "PAID", "the patch applies");
    assert.deepEqual(order.allowed, ["cancel", "ship", "rename"]);
    assert.equal(order.can.ship, true);
    assert.equal(order.can.pay, false);
    assert.equal(order.matches("PAID"), true);
    peer.send({ type: "patch", rev: 3, ops: [{ op: "replace", path: "/status", value: "DELIVERED" }] });
    await waitFor(() => order.matches("DELIVERED"), "the second patch applies");
    assert.deepEqual(order.allowed, ["rename"], "a terminal state allows only the free actions");
  } finally {
    order.close();
    await server.close();
  }
});

test("an invalid_transition error frame rejects the call with a typed InvalidTransition", async () => {
  const server = await scriptedServer(pending);
  const order = await connect(Order, "o-2", { url: server.url, WebSocket });
  try {
    const peer = await server.next();
    const delivering = order.actions.deliver();
    const call = await peer.frame();
    assert.equal(call.action, "deliver", "the client sends the call: the server decides, never a local pre-check");
    const message = 'state "PENDING" does not handle "deliver"; allowed: pay, cancel';
    peer.send({ type: "error", id: call.id, code: "invalid_transition", message, state: "PENDING",
      allowed: ["pay", "cancel"] });
    await assert.rejects(delivering, e => e instanceof InvalidTransition && e instanceof TandemError
        && e.code === "invalid_transition" && e.message === message && e.state === "PENDING"
        && e.name === "InvalidTransition" && JSON.stringify(e.allowed) === '["pay","cancel"]');
    const renaming = order.actions.rename("x");
    const second = await peer.frame();
    peer.send({ type: "error", id: second.id, code: "rejected", message: "no" });
    await assert.rejects(renaming, e => !(e instanceof InvalidTransition) && e.code === "rejected");
    assert.equal(order.status, "open");
  } finally {
    order.close();
    await server.close();
  }
});

test("machineView: a type without a machine allows every action; no state allows none", () => {
  assert.deepEqual(machineView(TicTacToe, { board: [] }).allowed, ["play"]);
  assert.equal(machineView(TicTacToe, { board: [] }).matches("PENDING"), false);
  assert.deepEqual(machineView(Order, undefined).allowed, []);
  assert.deepEqual(machineView(Order, undefined).can, { cancel: false, deliver: false, pay: false, rename: false, ship: false });
  assert.deepEqual(machineView(Order, { ...pending, status: "SHIPPED" }).allowed, ["deliver", "rename"]);
});
