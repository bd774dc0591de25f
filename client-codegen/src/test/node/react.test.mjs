// useLiveObject in a real React render (react-dom's client renderer on a jsdom document): the hook's
// state, allowed, can and matches update when a patch arrives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import WebSocket from "ws";
import { scriptedServer, waitFor } from "./scripted-server.mjs";

const dom = new JSDOM("<!doctype html><div id=root></div>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true }); // Node 20 has none
globalThis.IS_REACT_ACT_ENVIRONMENT = false; // renders are driven by real socket events, not act()

const { createElement } = await import("react");
const { createRoot } = await import("react-dom/client");
const { useLiveObject } = await import("./client/react.js");
const { Order } = await import("./client.js");

test("the hook's allowed, can and matches update after a patch", async () => {
  const server = await scriptedServer({ status: "PENDING", items: [], name: "" });
  const renders = [];
  function OrderView() {
    const hook = useLiveObject(Order, "o-1", { url: server.url, WebSocket });
    renders.push(hook);
    return createElement("p", null,
      `${hook.state?.status ?? "-"}|${hook.allowed.join(",")}|${hook.can.pay}|${hook.matches("PAID")}`);
  }
  const container = document.getElementById("root");
  const root = createRoot(container);
  try {
    root.render(createElement(OrderView));
    await waitFor(() => container.textContent === "-||false|false", "the first render, before any snapshot");
    await waitFor(() => container.textContent === "PENDING|pay,cancel,rename|true|false", "the snapshot renders");
    const peer = await server.next();
    peer.send({ type: "patch", rev: 2, ops: [{ op: "replace", path: "/status", value: "PAID" }] });
    await waitFor(() => container.textContent === "PAID|cancel,ship,rename|false|true", "the patch re-renders");
    const last = renders.at(-1);
    assert.equal(last.status, "open");
    assert.deepEqual(last.can, { cancel: true, deliver: false, pay: false, rename: true, ship: true });
    assert.equal(last.object.matches("PAID"), true, "the hook and the object agree");
  } finally {
    root.unmount();
    await server.close();
  }
});
