// A WebSocket server that plays the server's side of docs/PROTOCOL.md from a script, for tests of
// the client runtime's own logic (what it computes from frames); the end-to-end tests against a real
// Tandem server are in runtime/src/test/node.
import { WebSocketServer } from "ws";

/**
 * Starts a server that answers each connection with a snapshot of `state` (revision 1) and hands
 * every socket and its incoming frames to the test: `await server.next()` is the next connection.
 */
export async function scriptedServer(state) {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise(resolve => wss.on("listening", resolve));
  const waiting = [];
  const arrived = [];
  wss.on("connection", socket => {
    const frames = [];
    const frameWaiters = [];
    socket.on("message", data => {
      const m = JSON.parse(String(data));
      const waiter = frameWaiters.shift();
      waiter ? waiter(m) : frames.push(m);
    });
    socket.send(JSON.stringify({ type: "snapshot", rev: 1, epoch: "e1", connectionId: "c1", userId: "u1", state }));
    const peer = {
      send: m => socket.send(JSON.stringify(m)),
      /** The next frame the client sends (pings skipped). */
      frame: async () => {
        for (;;) {
          const m = frames.length ? frames.shift() : await new Promise(r => frameWaiters.push(r));
          if (m.type !== "ping") {
            return m;
          }
        }
      },
    };
    const waiter = waiting.shift();
    waiter ? waiter(peer) : arrived.push(peer);
  });
  return {
    url: `ws://127.0.0.1:${wss.address().port}`,
    next: () => (arrived.length ? Promise.resolve(arrived.shift()) : new Promise(r => waiting.push(r))),
    close: () => new Promise(resolve => {
      wss.clients.forEach(c => c.terminate());
      wss.close(resolve);
    }),
  };
}

/** Resolves once `condition()` holds, checking on each event-loop turn; fails after `ms`. */
export async function waitFor(condition, what, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise(r => setTimeout(r, 5));
  }
}
