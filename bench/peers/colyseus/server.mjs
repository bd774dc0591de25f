// Peer: the benchmark counter as Colyseus 0.18 rooms, one room per object id (filterBy "oid").
//  - "counter" (broadcast): each "inc" adds 1 and sends the new value at once as a message, to the
//    caller as {v, id} and to every other client as v. No schema state.
//  - "schema-counter" (state sync, idiomatic Colyseus): each "inc" adds 1 to a Schema v5 field;
//    Colyseus sends the state patch to every client at its patch rate (50 ms by default). The
//    caller also gets an immediate "ack" [id, value] so it knows which value to wait for; its
//    own-update latency ends when its decoded state reaches that value.
// Colyseus has no storage of its own, so there is no stored variant.
// GET /health answers "ok". Prints "colyseus pid=<pid> port=<port>" once listening.
import { Server, Room } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { schema, t } from "@colyseus/schema";

const CounterState = schema({ count: t.number() }, "CounterState");

class BroadcastCounter extends Room {
  count = 0;
  onCreate() {
    this.onMessage("inc", (client, id) => {
      const v = ++this.count;
      this.broadcast("count", v, { except: client });
      client.send("count", { v, id });
    });
  }
}

class SchemaCounter extends Room {
  onCreate() {
    const state = new CounterState();
    state.count = 0; // a Schema v5 number starts undefined: ++ would give NaN
    this.state = state;
    this.onMessage("inc", (client, id) => {
      const v = ++this.state.count;
      client.send("ack", [id, v]);
    });
  }
}

const port = Number(process.env.PORT || 2567);
const transport = new WebSocketTransport({ pingInterval: 0 });
transport.getExpressApp().get("/health", (req, res) => res.send("ok"));
const server = new Server({ transport, greet: false });
server.define("counter", BroadcastCounter).filterBy(["oid"]);
server.define("schema-counter", SchemaCounter).filterBy(["oid"]);
await server.listen(port, "127.0.0.1");
console.log(`colyseus pid=${process.pid} port=${port}`);
