// Adapter for the small JSON protocol of the Cloudflare peers (workerd Durable Object and
// PartyServer): {"count":C} on join; the client sends {"id":<int>}; the caller gets
// {"count":C+1,"id":<int>}, everyone else {"count":C+1}. Passive receivers only count frames.
import WebSocket from "ws";

export async function connect({ base, path, type, oid, sender, ctx, connectTimeoutMs = 15000 }) {
  const url = `${base.replace(/^http/, "ws")}${path}/${type}/${encodeURIComponent(oid)}`;
  const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
  let joined = false;
  let ready;
  const conn = {
    sender,
    send(id) {
      ws.send(`{"id":${id}}`);
    },
    close() {
      conn.closing = true;
      try { ws.close(); } catch {}
    },
    gaps: 0,
  };
  let last = -1;
  const opened = new Promise((resolve, reject) => {
    ready = resolve;
    const timer = setTimeout(() => reject(new Error(`no initial state within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    ws.once("error", (e) => { clearTimeout(timer); reject(e); });
    ws.once("close", (code) => { clearTimeout(timer); reject(new Error(`closed ${code} before the initial state`)); });
    conn._clear = () => clearTimeout(timer);
  });
  ws.on("message", (data) => {
    const now = ctx.now();
    const len = data.length;
    if (!sender && joined && data[2] === 0x63 /* c */) {
      ctx.onFrame(len, 1);
      return;
    }
    let m;
    try {
      m = JSON.parse(data.toString());
    } catch {
      ctx.onFrame(len, 0);
      ctx.onError("unparsable");
      return;
    }
    if (m.error !== undefined) {
      ctx.onFrame(len, 0);
      ctx.onError(String(m.error));
      return;
    }
    if (!joined) {
      joined = true;
      last = m.count;
      ctx.onFrame(len, 0);
      conn._clear?.();
      ready();
      return;
    }
    ctx.onFrame(len, 1);
    if (sender) {
      if (m.count !== last + 1) conn.gaps++;
      last = m.count;
      if (m.id !== undefined) ctx.onOwn(conn, m.id, now, now);
    }
  });
  ws.on("close", (code) => {
    if (!conn.closing) ctx.onDisconnect(conn, code);
  });
  ws.on("error", () => {});
  await opened;
  return conn;
}
