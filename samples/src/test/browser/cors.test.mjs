// Pages on another origin than the server (CorsBrowserTest starts both servers): the server on
// CORS_PORT allows http://allowed.localhost:PLAIN_PORT through micronaut.server.cors.*, the one on
// PLAIN_PORT has no CORS configuration. Each server serves the other's pages, under names ending in
// .localhost: Chromium sends them to 127.0.0.1, so its local-network checks stay out of the way,
// while for Micronaut they are origins other than the server's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, launch, newUser } from "./browser.mjs";

const configured = `http://127.0.0.1:${process.env.CORS_PORT}`;
const plain = `http://127.0.0.1:${process.env.PLAIN_PORT}`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page whose origin is {@code origin}. */
async function pageAt(origin) {
  const page = await newUser(browser);
  await page.goto(`${origin}/`);
  return page;
}

/** What a page on another origin gets from the server: the client module, a WebSocket, HTTP calls. */
function useServer(page, server) {
  return page.evaluate(async server => {
    const outcome = {};
    try {
      const client = await import(server + "/tandem/client.js");
      outcome.module = "loaded";
      const counter = await client.connect(client.Counter, "cors-test", { url: server, connectTimeout: 3000 });
      outcome.socket = counter.status;
      outcome.afterCall = await counter.actions.increment(2);
      counter.close();
      const call = await fetch(server + "/tandem/objects/counter/cors-test/actions/increment", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: "[3]",
      });
      outcome.httpCall = (await call.json()).value;
    } catch (e) {
      outcome.error = String(e.message || e);
    }
    const socket = new WebSocket(server.replace(/^http/, "ws") + "/tandem/ws/counter/cors-test");
    outcome.rawSocket = await new Promise(resolve => {
      socket.onopen = () => { socket.close(); resolve("open"); };
      socket.onerror = () => resolve("refused");
    });
    return outcome;
  }, server);
}

test("a page on an allowed origin loads the client, connects and calls actions over WebSocket and HTTP", async () => {
  const page = await pageAt(`http://allowed.localhost:${process.env.PLAIN_PORT}`);
  const outcome = await useServer(page, configured);
  assert.deepEqual(outcome, { module: "loaded", socket: "open", afterCall: 2, httpCall: 5, rawSocket: "open" });
  assertNoProblems(page);
});

test("a page on an origin the configuration does not list is refused: no client module, no WebSocket", async () => {
  const page = await pageAt(`http://other.localhost:${process.env.PLAIN_PORT}`);
  const outcome = await useServer(page, configured);
  assert.equal(outcome.module, undefined);
  assert.match(outcome.error, /Failed to fetch dynamically imported module/);
  assert.equal(outcome.rawSocket, "refused");
  assert.ok(page.problems.some(p => /403/.test(p)), "the browser reports the 403:\n" + page.problems.join("\n"));
});

test("without CORS configuration, a page on another origin is refused", async () => {
  const page = await pageAt(`http://allowed.localhost:${process.env.CORS_PORT}`);
  const outcome = await useServer(page, plain);
  assert.equal(outcome.module, undefined);
  assert.equal(outcome.rawSocket, "refused");
  assert.ok(page.problems.some(p => /403/.test(p)), "a server on 127.0.0.1 answers 403:\n" + page.problems.join("\n"));
});
