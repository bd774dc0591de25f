// Adapter for Colyseus 0.18 through its own client SDK (@colyseus/sdk): matchmaking over HTTP,
// then the room's WebSocket. The first client of an object creates the room (create), the others
// join it by id (joinById), so every client of an object is in the one room.
//  - room "counter" (broadcast): send "inc" id; the caller gets "count" {v, id}, the others v.
//  - room "schema-counter" (state sync): send "inc" id; the caller gets "ack" [id, v] at once and
//    its call completes when its decoded state reaches v (the patch, sent every 50 ms).
// Frames and bytes are counted at the SDK's transport; senders decode what they receive through
// the SDK, passive receivers count room data and patches without decoding them.
delete globalThis.WebSocket; // make the SDK use the `ws` package, like the other adapters
const { Client } = await import("@colyseus/sdk");

const ROOM_DATA = 13;
const ROOM_STATE_PATCH = 15;

export async function connect({ base, type, oid, sender, ctx, roomId }) {
  const client = new Client(base);
  const room = roomId ? await client.joinById(roomId) : await client.create(type, { oid });
  const schema = type === "schema-counter";
  const conn = {
    sender,
    roomId: room.roomId,
    gaps: 0,
    send(id) {
      room.send("inc", id);
    },
    close() {
      conn.closing = true;
      room.leave(true).catch(() => {});
    },
  };
  const events = room.connection.events;
  const onmessage = events.onmessage;
  // Senders decode everything (the SDK's own path). Passive receivers only count frames, as in
  // the other adapters, so the load generator's cost per delivered frame is alike for all targets.
  events.onmessage = (ev) => {
    const d = ev.data;
    const len = d.byteLength;
    const code = d instanceof ArrayBuffer ? new Uint8Array(d, 0, 1)[0] : d[0];
    ctx.onFrame(len, code === ROOM_STATE_PATCH ? 1 : code === ROOM_DATA ? (schema ? 2 : 1) : 0);
    if (sender || (code !== ROOM_DATA && code !== ROOM_STATE_PATCH)) onmessage(ev);
  };
  const onclose = events.onclose;
  events.onclose = (ev) => {
    if (!conn.closing) ctx.onDisconnect(conn, ev?.code);
    onclose?.(ev);
  };
  room.onError((code, message) => ctx.onError(`colyseus_${code}`));

  if (schema) {
    const awaiting = []; // [id, v] in call order; values grow with it
    let head = 0;
    const settle = (count) => {
      const now = ctx.now();
      while (head < awaiting.length && awaiting[head][1] <= count) {
        ctx.onOwn(conn, awaiting[head][0], now, now);
        head++;
      }
      if (head > 1024) {
        awaiting.splice(0, head);
        head = 0;
      }
    };
    room.onMessage("ack", (m) => {
      awaiting.push(m);
      settle(room.state.count);
    });
    room.onStateChange((state) => settle(state.count));
  } else {
    let last = null;
    room.onMessage("count", (m) => {
      if (typeof m === "number") {
        if (sender && last !== null && m !== last + 1) conn.gaps++;
        last = m;
        return;
      }
      if (last !== null && m.v !== last + 1) conn.gaps++;
      last = m.v;
      ctx.onOwn(conn, m.id, ctx.now(), ctx.now());
    });
  }
  return conn;
}
