// A load-generator worker process: holds a slice of the clients of a cell, sends from the senders
// among them, and reports counts, a latency histogram and its own CPU. Driven by loadgen.mjs over
// IPC: connect -> run -> close.
import { performance, monitorEventLoopDelay } from "node:perf_hooks";
import { Histogram } from "./hist.mjs";

const adapters = {
  tandem: () => import("./adapters/tandem.mjs"),
  dojson: () => import("./adapters/dojson.mjs"),
  colyseus: () => import("./adapters/colyseus.mjs"),
};

const conns = [];
const senders = [];
let win = { ws: Infinity, we: -Infinity };
let sending = false;
let mode = "saturate";
let windowSize = 1;
const st = {
  frames: 0, bytes: 0, updates: 0, completed: 0, sent: 0,
  errors: {}, disconnects: 0, disconnectCodes: {}, unknownResults: 0, lateCompletions: 0,
  oldestPending: 0, // age at the window's end of the oldest call still unanswered then (ms)
};
const hist = new Histogram();
const histPatch = new Histogram();

const now = () => performance.now();
const bump = (o, k) => { o[k] = (o[k] || 0) + 1; };

const ctx = {
  now,
  onFrame(len, kind) {
    const t = performance.now();
    if (t >= win.ws && t <= win.we) {
      st.frames++;
      st.bytes += len;
      if (kind === 1) st.updates++;
    }
  },
  onOwn(conn, id, tRecv, tPatch) {
    const s = conn.s;
    if (!s) return;
    const t = s.pending.get(id);
    if (t === undefined) { st.unknownResults++; return; }
    s.pending.delete(id);
    if (tRecv >= win.ws && tRecv <= win.we) {
      st.completed++;
      s.done++;
      hist.record(tRecv - t);
      if (tPatch !== undefined) histPatch.record(tPatch - t);
      const gap = tRecv - s.last;
      if (gap > s.maxGap) s.maxGap = gap;
      s.last = tRecv;
    } else if (tRecv > win.we) {
      st.lateCompletions++;
      if (t < win.we && win.we - t > st.oldestPending) st.oldestPending = win.we - t; // it was pending at the window's end
    }
    if (sending && mode !== "rate") sendOne(s);
  },
  onCallError(conn, id, code) {
    bump(st.errors, code);
    const s = conn.s;
    if (!s || !s.pending.delete(id)) return;
    if (sending && mode !== "rate") sendOne(s);
  },
  onError(code) {
    bump(st.errors, code);
  },
  onDisconnect(conn, code) {
    st.disconnects++;
    bump(st.disconnectCodes, String(code));
  },
};

function sendOne(s, scheduled) {
  const t = now();
  if (t >= win.we) return;
  const id = s.nextId++;
  s.pending.set(id, scheduled ?? t);
  st.sent++;
  s.conn.send(id);
}

async function connectAll(msg) {
  const mod = await adapters[msg.spec.adapter]();
  const roomIds = {};
  const errors = [];
  let ok = 0;
  const list = msg.clients.slice();
  const conc = msg.concurrency || 32;
  async function one(c) {
    try {
      const conn = await mod.connect({ ...msg.spec, base: c.base ?? msg.spec.base, oid: c.oid, index: c.index, sender: c.sender,
        roomId: msg.roomIds?.[c.oid], ctx });
      conn.meta = c;
      conns.push(conn);
      if (conn.roomId) roomIds[c.oid] = conn.roomId;
      if (c.sender) {
        conn.s = { conn, nextId: 1, pending: new Map(), done: 0, last: 0, maxGap: 0, next: 0, phase: c.phase || 0 };
        senders.push(conn.s);
      }
      ok++;
    } catch (e) {
      errors.push(String(e && e.message || e));
    }
  }
  const runners = [];
  for (let k = 0; k < conc; k++) {
    runners.push((async () => {
      while (list.length) await one(list.shift());
    })());
  }
  await Promise.all(runners);
  return { ok, failed: errors.length, errors: errors.slice(0, 5), roomIds };
}

async function run(msg) {
  const origin = performance.timeOrigin;
  const t0 = msg.t0Abs - origin;
  win = { ws: msg.wsAbs - origin, we: msg.weAbs - origin };
  mode = msg.mode;
  windowSize = msg.window || 1;
  for (const s of senders) s.last = win.ws;
  await new Promise((r) => setTimeout(r, Math.max(0, t0 - now())));
  sending = true;
  let ticker = null;
  if (mode === "rate") {
    const period = 1000 / msg.ratePerSender;
    for (const s of senders) s.next = t0 + s.phase * period;
    ticker = setInterval(() => {
      const t = now();
      for (const s of senders) {
        while (s.next <= t && s.next < win.we) {
          if (s.pending.size >= 100000) { bump(st.errors, "loadgen_backlog"); s.next += period; continue; }
          sendOne(s, s.next);
          s.next += period;
        }
      }
    }, 1);
  } else {
    const w = mode === "pingpong" ? 1 : windowSize;
    for (const s of senders) for (let i = 0; i < w; i++) sendOne(s);
  }
  // measurement window
  await new Promise((r) => setTimeout(r, Math.max(0, win.ws - now())));
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  const cpu0 = process.cpuUsage();
  const wall0 = now();
  await new Promise((r) => setTimeout(r, Math.max(0, win.we - now())));
  const cpu1 = process.cpuUsage(cpu0);
  const wall = now() - wall0;
  eld.disable();
  sending = false;
  if (ticker) clearInterval(ticker);
  for (const s of senders) {
    const gap = win.we - s.last;
    if (gap > s.maxGap) s.maxGap = gap;
  }
  // drain: wait for the calls still in flight, to tell slow from lost
  const drainEnd = now() + (msg.drainMs ?? 3000);
  while (now() < drainEnd && senders.some((s) => s.pending.size > 0)) {
    await new Promise((r) => setTimeout(r, 20));
  }
  let unanswered = 0;
  for (const s of senders) {
    unanswered += s.pending.size;
    for (const t of s.pending.values()) {
      if (t < win.we && win.we - t > st.oldestPending) st.oldestPending = win.we - t;
    }
  }
  return {
    ...st,
    unanswered,
    gaps: conns.reduce((a, c) => a + (c.gaps || 0), 0),
    perSender: senders.map((s) => s.done),
    maxGapMs: senders.reduce((a, s) => Math.max(a, s.maxGap), 0),
    oldestPendingMs: st.oldestPending,
    cpuPct: ((cpu1.user + cpu1.system) / 1000 / wall) * 100,
    eldP99Ms: eld.percentile(99) / 1e6,
    eldMaxMs: eld.max / 1e6,
    hist: hist.toJSON(),
    histPatch: histPatch.toJSON(),
  };
}

process.on("message", async (msg) => {
  try {
    if (msg.cmd === "connect") process.send({ ev: "connected", ...(await connectAll(msg)) });
    else if (msg.cmd === "run") process.send({ ev: "result", result: await run(msg) });
    else if (msg.cmd === "close") {
      for (const c of conns) c.close();
      setTimeout(() => process.exit(0), 300);
    }
  } catch (e) {
    process.send({ ev: "fatal", error: String(e && e.stack || e) });
  }
});
process.on("disconnect", () => process.exit(0));
