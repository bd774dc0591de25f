// Adapter for Tandem's WebSocket protocol (docs/PROTOCOL.md): a snapshot on join, calls
// {"type":"call","id","action":"increment","args":[]}, a patch to every other connection, and to
// the caller its result carrying its own patch ("ops"). Completion = the result; the own patch's
// arrival is recorded too (the same instant when it came inside the result).
// Passive receivers (not sending) only count frames: they look at one byte, not parse JSON.
import WebSocket from "ws";

const P = 0x70; // 'p' at offset 9 of {"type":"patch"...

export async function connect({ base, type, oid, index, sender, ctx, connectTimeoutMs = 15000 }) {
  const client = `lg${process.pid}-${index}-${Math.random().toString(36).slice(2, 8)}`;
  const url = `${base.replace(/^http/, "ws")}/tandem/ws/${type}/${encodeURIComponent(oid)}?client=${client}`;
  const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
  const patchTimes = new Map(); // rev -> arrival, for this connection's own patches
  let rev = -1;
  let ready;
  const conn = {
    sender,
    send(id) {
      ws.send(`{"type":"call","id":${id},"action":"increment","args":[]}`);
    },
    close() {
      conn.closing = true;
      try { ws.close(); } catch {}
    },
    gaps: 0,
  };
  const opened = new Promise((resolve, reject) => {
    ready = resolve;
    const timer = setTimeout(() => reject(new Error(`no snapshot within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    ws.once("error", (e) => { clearTimeout(timer); reject(e); });
    ws.once("close", (code) => { clearTimeout(timer); reject(new Error(`closed ${code} before the snapshot`)); });
    conn._clear = () => clearTimeout(timer);
  });
  ws.on("message", (data) => {
    const now = ctx.now();
    const len = data.length;
    if (!sender && rev >= 0 && data[9] === P) {
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
    switch (m.type) {
      case "patch":
        ctx.onFrame(len, 1);
        if (sender) {
          if (m.rev !== rev + 1) conn.gaps++;
          rev = m.rev;
          patchTimes.set(m.rev, now);
        }
        break;
      case "result": {
        let tPatch;
        if (m.ops !== undefined) {
          ctx.onFrame(len, 1); // the update and the answer in one frame
          if (m.rev === rev + 1) rev = m.rev;
          else if (m.rev > rev) { conn.gaps++; rev = m.rev; }
          tPatch = now;
        } else {
          ctx.onFrame(len, 2);
          tPatch = patchTimes.get(m.rev);
          patchTimes.delete(m.rev);
        }
        if (patchTimes.size > 10000) patchTimes.clear();
        ctx.onOwn(conn, m.id, now, tPatch);
        break;
      }
      case "snapshot":
        ctx.onFrame(len, 0);
        if (rev >= 0) ctx.onError("resync_snapshot");
        rev = m.rev;
        conn._clear?.();
        ready();
        break;
      case "error":
        ctx.onFrame(len, 0);
        if (m.id !== undefined) ctx.onCallError(conn, m.id, m.code);
        else ctx.onError(m.code);
        break;
      default:
        ctx.onFrame(len, 0);
    }
  });
  ws.on("close", (code) => {
    if (!conn.closing) ctx.onDisconnect(conn, code);
  });
  ws.on("error", () => {});
  await opened;
  return conn;
}
