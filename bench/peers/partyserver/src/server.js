// Peer: the benchmark counter as PartyServer parties (one Durable Object per room).
// Routes: GET /health; WebSocket /parties/counter/<id> (stored: Durable Object storage on every
// increment) and /parties/live-counter/<id> (in memory only).
// Wire format (the "dojson" adapter of bench/loadgen): on connect the server sends {"count":C};
// the client sends {"id":<int>} to increment; the caller gets {"count":C+1,"id":<int>} and every
// other connection {"count":C+1}. PartyServer's default (non-hibernating) WebSockets.
import { Server, routePartykitRequest } from "partyserver";

class CounterBase extends Server {
  count = 0;

  async onStart() {
    if (this.stored) this.count = (await this.ctx.storage.get("count")) ?? 0;
  }

  onConnect(connection) {
    connection.send(JSON.stringify({ count: this.count }));
  }

  onMessage(connection, message) {
    let id;
    try {
      id = JSON.parse(message).id;
    } catch (e) {
      connection.send(JSON.stringify({ error: "bad message" }));
      return;
    }
    const count = ++this.count;
    // Not awaited: the output gate holds every message that reveals the count until it is stored.
    if (this.stored) this.ctx.storage.put("count", count);
    this.broadcast(JSON.stringify({ count }), [connection.id]);
    connection.send(JSON.stringify({ count, id }));
  }
}

export class Counter extends CounterBase {
  get stored() { return true; }
}

export class LiveCounter extends CounterBase {
  get stored() { return false; }
}

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === "/health") return new Response("ok");
    return (await routePartykitRequest(request, env)) ?? new Response("not found", { status: 404 });
  },
};
