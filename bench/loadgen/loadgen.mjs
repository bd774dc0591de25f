// The load generator's coordinator: forks worker processes (worker.mjs), spreads the clients of a
// cell over them, starts them at one instant, samples the server's /proc around the measurement
// window and merges the workers' figures into one result row.
//
// A cell: { adapter, base, type, path?, objects, clients, senders, mode, window?, rate?,
//           warmupS, durationS, workers?, oidPrefix, serverPid?, loadgenCpus?, drainMs?,
//           bases?, serverPids?, idlePids?, dbName? }
//   bases: several servers of one cluster; client i of each object connects to bases[i % length]
//   (so the senders, the first K, are spread too); serverPids: their processes, CPU summed;
//   idlePids: servers of the benchmark not under load in this cell, and dbName: the PostgreSQL
//   database the servers use (its backends): their CPU is reported apart (idle_servers_cpu_pct,
//   db_cpu_pct) and left out of other_cpu_pct.
//   mode "pingpong": each sender keeps 1 call in flight; "saturate": `window` in flight per sender;
//   "rate": `rate` increments/s per object in total, spread evenly over its senders, sent on a
//   schedule (open loop) with latency measured from the scheduled time.
//
// CLI: node loadgen.mjs '<cell as JSON>'   (prints the result row as JSON)
import { fork, execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Histogram } from "./hist.mjs";
import { treeUsage, machineTicks, loadavg, cpuCount, pidsMatching, cpuSecondsOf } from "./proc.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const absNow = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function request(child, msg, ev, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not answer ${msg.cmd} within ${timeoutMs} ms`)), timeoutMs);
    const on = (m) => {
      if (m.ev === ev || m.ev === "fatal") {
        clearTimeout(timer);
        child.off("message", on);
        m.ev === "fatal" ? reject(new Error(m.error)) : resolve(m);
      }
    };
    child.on("message", on);
    child.send(msg);
  });
}

export async function runCell(cell) {
  const total = cell.objects * cell.clients;
  const P = Math.max(1, Math.min(cell.workers || 2, total));
  const children = [];
  for (let i = 0; i < P; i++) {
    const child = fork(`${here}worker.mjs`, [], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: ["--max-old-space-size=2048"] });
    if (cell.loadgenCpus) {
      try { execFileSync("taskset", ["-a", "-pc", cell.loadgenCpus, String(child.pid)], { stdio: "ignore" }); } catch {}
    }
    children.push(child);
  }
  const exited = children.map((c) => new Promise((r) => c.once("exit", r)));
  const spec = { adapter: cell.adapter, base: cell.base, type: cell.type, path: cell.path };
  const plan = children.map(() => ({ first: [], rest: [] }));
  for (let j = 0; j < cell.objects; j++) {
    const oid = `${cell.oidPrefix}-o${j}`;
    for (let i = 0; i < cell.clients; i++) {
      const g = j * cell.clients + i;
      const sender = i < cell.senders;
      const c = { index: g, oid, sender, phase: sender ? i / cell.senders : 0 };
      if (cell.bases) c.base = cell.bases[i % cell.bases.length];
      plan[g % P][i === 0 ? "first" : "rest"].push(c);
    }
  }
  const row = { connect_failed: 0, connect_errors: [] };
  const tConnect = absNow();
  try {
    // the first client of each object creates it, then everyone else joins
    const roomIds = {};
    const r1 = await Promise.all(children.map((c, k) => request(c, { cmd: "connect", spec, clients: plan[k].first }, "connected", 60000)));
    for (const r of r1) Object.assign(roomIds, r.roomIds);
    const r2 = await Promise.all(children.map((c, k) => request(c, { cmd: "connect", spec, clients: plan[k].rest, roomIds }, "connected", 120000)));
    for (const r of [...r1, ...r2]) {
      row.connect_failed += r.failed;
      row.connect_errors.push(...r.errors);
    }
    row.connect_errors = row.connect_errors.slice(0, 5);
    row.connect_s = (absNow() - tConnect) / 1000;

    const t0Abs = absNow() + 200;
    const wsAbs = t0Abs + cell.warmupS * 1000;
    const weAbs = wsAbs + cell.durationS * 1000;
    const runMsg = { cmd: "run", t0Abs, wsAbs, weAbs, mode: cell.mode, window: cell.window, drainMs: cell.drainMs ?? 3000,
      ratePerSender: cell.rate ? cell.rate / cell.senders : undefined };
    const results = Promise.all(children.map((c) => request(c, runMsg, "result", (weAbs - absNow()) + 60000)));
    row.loadavg = loadavg();
    // sample the server and the machine at the edges of the window
    let s0, s1, m0, m1, tA, tB, d0, d1, i0, i1;
    const idle = cell.idlePids ?? [];
    const pids = cell.serverPids ?? (cell.serverPid ? [cell.serverPid] : []);
    // the database's backends (pooled connections, alive across the window): pid -> CPU seconds
    const dbUsage = () => new Map(pidsMatching(["postgres: ", ` ${cell.dbName} `]).map((p) => [p, cpuSecondsOf(p)]));
    await sleep(Math.max(0, wsAbs - absNow()));
    if (pids.length) s0 = pids.map(treeUsage);
    if (cell.dbName) d0 = dbUsage();
    i0 = idle.map(cpuSecondsOf);
    m0 = machineTicks();
    tA = absNow();
    await sleep(Math.max(0, weAbs - absNow()));
    if (pids.length) s1 = pids.map(treeUsage);
    if (cell.dbName) d1 = dbUsage();
    i1 = idle.map(cpuSecondsOf);
    m1 = machineTicks();
    tB = absNow();
    const res = (await results).map((m) => m.result);

    const secs = cell.durationS;
    const wallS = (tB - tA) / 1000;
    const sum = (k) => res.reduce((a, r) => a + r[k], 0);
    const hist = new Histogram();
    const histPatch = new Histogram();
    for (const r of res) {
      hist.merge(Histogram.fromJSON(r.hist));
      histPatch.merge(Histogram.fromJSON(r.histPatch));
    }
    const per = res.flatMap((r) => r.perSender);
    const errors = {};
    for (const r of res) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] || 0) + v;
    const dcodes = {};
    for (const r of res) for (const [k, v] of Object.entries(r.disconnectCodes)) dcodes[k] = (dcodes[k] || 0) + v;
    const frames = sum("frames");
    Object.assign(row, {
      increments_per_s: sum("completed") / secs,
      frames_per_s: frames / secs,
      updates_per_s: sum("updates") / secs,
      bytes_per_s: sum("bytes") / secs,
      lat_p50_ms: hist.quantile(0.5),
      lat_p90_ms: hist.quantile(0.9),
      lat_p99_ms: hist.quantile(0.99),
      lat_max_ms: hist.n ? hist.max : null,
      lat_mean_ms: hist.n ? hist.sum / hist.n : null,
      own_patch_p50_ms: histPatch.quantile(0.5),
      own_patch_p99_ms: histPatch.quantile(0.99),
      fair_min_max: per.length ? Math.min(...per) / Math.max(1, Math.max(...per)) : null,
      sender_min: per.length ? Math.min(...per) : null,
      sender_max: per.length ? Math.max(...per) : null,
      senders_starved: per.filter((x) => x === 0).length,
      sender_counts: per.length <= 100 ? per : undefined,
      max_gap_ms: Math.max(...res.map((r) => r.maxGapMs)),
      oldest_pending_ms: Math.max(...res.map((r) => r.oldestPendingMs)),
      sent: sum("sent"),
      unanswered: sum("unanswered"),
      late_completions: sum("lateCompletions"),
      unknown_results: sum("unknownResults"),
      sequence_gaps: sum("gaps"),
      errors,
      error_count: Object.values(errors).reduce((a, b) => a + b, 0),
      disconnects: sum("disconnects"),
      disconnect_codes: dcodes,
      loadgen_workers: P,
      loadgen_cpu_pct: res.map((r) => Math.round(r.cpuPct * 10) / 10),
      loadgen_cpu_pct_total: res.reduce((a, r) => a + r.cpuPct, 0),
      loadgen_eld_p99_ms: Math.max(...res.map((r) => r.eldP99Ms)),
      loadgen_eld_max_ms: Math.max(...res.map((r) => r.eldMaxMs)),
      window_s: wallS,
      machine_busy_pct: m1.total > m0.total ? ((m1.busy - m0.busy) / (m1.total - m0.total)) * 100 : null,
      machine_steal_pct: m1.total > m0.total ? ((m1.steal - m0.steal) / (m1.total - m0.total)) * 100 : null,
    });
    row.loadgen_saturated = Math.max(...row.loadgen_cpu_pct) >= 90
      || (cell.loadgenCpus && !cell.loadgenCpus.includes("-") && !cell.loadgenCpus.includes(",") && row.loadgen_cpu_pct_total >= 90);
    if (s0 && s1) {
      const each = s1.map((u, k) => u.cpuSeconds - s0[k].cpuSeconds);
      const cpuS = each.reduce((a, b) => a + b, 0);
      row.server_cpu_pct = (cpuS / wallS) * 100;
      if (pids.length > 1) row.server_cpu_pct_each = each.map((x) => (x / wallS) * 100);
      row.server_cpu_us_per_frame = frames > 0 ? (cpuS * 1e6) / frames : null;
      row.server_cpu_us_per_increment = sum("completed") > 0 ? (cpuS * 1e6) / sum("completed") : null;
      row.server_rss_mib = s1.reduce((a, u) => a + u.rssMiB, 0);
      row.server_processes = s1.reduce((a, u) => a + u.pids, 0);
    }
    if (d0 && d1) {
      let dbS = 0;
      for (const [p, t] of d1) if (t !== null && d0.get(p) != null) dbS += t - d0.get(p);
      row.db_cpu_pct = (dbS / wallS) * 100;
      row.db_backends = d1.size;
    }
    if (idle.length) {
      row.idle_servers_cpu_pct = (i1.reduce((a, t, k) => a + (t !== null && i0[k] !== null ? t - i0[k] : 0), 0) / wallS) * 100;
    }
    // CPU used by anything else on the machine in the window (other work on a shared machine),
    // in % of one core: all CPUs' busy time less the servers', the load generator's and the database's
    if (row.machine_busy_pct !== null && row.server_cpu_pct !== undefined) {
      row.other_cpu_pct = Math.max(0, (row.machine_busy_pct * cpuCount()) - row.server_cpu_pct - row.loadgen_cpu_pct_total
        - (row.db_cpu_pct ?? 0) - (row.idle_servers_cpu_pct ?? 0));
      row.noisy = row.other_cpu_pct > 25;
    }
  } finally {
    for (const c of children) {
      try { c.send({ cmd: "close" }); } catch {}
    }
    let timer;
    await Promise.race([Promise.all(exited), new Promise((r) => { timer = setTimeout(r, 5000); })]);
    clearTimeout(timer);
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  }
  return row;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cell = JSON.parse(process.argv[2]);
  cell.oidPrefix ??= `cli${Date.now().toString(36)}`;
  runCell(cell).then((row) => {
    console.log(JSON.stringify(row));
    process.exit(0);
  }, (e) => {
    console.error(e);
    process.exit(1);
  });
}
