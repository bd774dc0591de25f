// Peer: the benchmark counter as a Cloudflare Durable Object on workerd.
// Routes: GET /health; WebSocket /ws/counter/<id> (stored: Durable Object storage on every
// increment) and /ws/live-counter/<id> (in memory only). One Durable Object per <id>.
// Wire format (the "dojson" adapter of bench/loadgen): on connect the server sends {"count":C};
// the client sends {"id":<int>} to increment; the caller gets {"count":C+1,"id":<int>} and every
// other connection {"count":C+1}.
// Uses the standard WebSocket API (accept(), an in-memory set of sockets), as PartyServer does by
// default; the count of the stored variant is put to storage without awaiting: the output gate
// holds every message that reveals it until the write is durable, as Cloudflare documents.

class CounterBase {
  constructor(ctx, env, stored) {
    this.ctx = ctx;
    this.stored = stored;
    this.count = 0;
    this.sockets = new Set();
    if (stored) {
      ctx.blockConcurrencyWhile(async () => {
        this.count = (await ctx.storage.get("count")) ?? 0;
      });
    }
  }

  async fetch(request) {
    if (request.headers.get("Upgrade") !== "websocket") {
      return new Response("expected a WebSocket", { status: 426 });
    }
    const pair = new WebSocketPair();
    const client = pair[0], server = pair[1];
    server.accept();
    this.sockets.add(server);
    server.addEventListener("message", (event) => this.onMessage(server, event.data));
    server.addEventListener("close", (event) => {
      this.sockets.delete(server);
      try { server.close(event.code === 1005 ? 1000 : event.code, "bye"); } catch (e) {} // complete the closing handshake
    });
    server.addEventListener("error", () => this.sockets.delete(server));
    server.send(JSON.stringify({ count: this.count }));
    return new Response(null, { status: 101, webSocket: client });
  }

  onMessage(ws, data) {
    let id;
    try {
      id = JSON.parse(data).id;
    } catch (e) {
      ws.send(JSON.stringify({ error: "bad message" }));
      return;
    }
    const count = ++this.count;
    if (this.stored) this.ctx.storage.put("count", count);
    const others = JSON.stringify({ count });
    const own = JSON.stringify({ count, id });
    for (const s of this.sockets) {
      try {
        s.send(s === ws ? own : others);
      } catch (e) {
        this.sockets.delete(s);
      }
    }
  }
}

export class StoredCounter extends CounterBase {
  constructor(ctx, env) { super(ctx, env, true); }
}

export class LiveCounter extends CounterBase {
  constructor(ctx, env) { super(ctx, env, false); }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/health") return new Response("ok");
    const m = url.pathname.match(/^\/ws\/(counter|live-counter)\/([A-Za-z0-9._~:@+-]{1,200})$/);
    if (!m) return new Response("not found", { status: 404 });
    const ns = m[1] === "counter" ? env.STORED : env.LIVE;
    return ns.get(ns.idFromName(m[2])).fetch(request);
  },
};
