// The cluster hop-cost benchmark (bench/cluster): one bench server with the cluster off and three
// in a cluster on 127.0.0.1, all four running at once on the local PostgreSQL; the same loads
// (cluster-plan.mjs) on the single server, and on the cluster with the clients on the instance's
// owner, on another node, or spread. Cells of every placement are interleaved (a rotating order per
// repetition): on a shared machine, bursts of other work then fall on all placements alike instead
// of on whichever phase ran during them. The servers not under load idle meanwhile; their CPU is
// reported apart. Writes results/cluster-<time>.jsonl (one JSON object per cell) and .md, the
// servers' logs under results/logs/<run>/.
//
//   node runner/cluster.mjs [--reps=N] [--duration=S] [--warmup=S] [--server-warmup=S]
//       [--cluster-ports=5711,5712,5713] [--db=tandem_bench_cluster] [--retry-noisy=N] [--retry-budget=N]
//   node runner/cluster.mjs --report=results/cluster-<time>.jsonl     (re-renders the Markdown)
//
// Servers get -Dtandem.bench.mark=$TANDEM_BENCH_MARK (set by bench/cluster) so that its exit trap
// can find and kill exactly this run's servers, whatever happens to this process.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { stopTarget } from "./server.mjs";
import { collectVersions } from "./versions.mjs";
import { cellsOf, warmups } from "./cluster-plan.mjs";
import { report } from "./cluster-report.mjs";
import { ensureDatabase, ownerOf, startCluster, startServer } from "./cluster-servers.mjs";
import { runCell } from "../loadgen/loadgen.mjs";
import { loadavg, cpuCount } from "../loadgen/proc.mjs";

const bench = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  return m ? [m[1], m[2] ?? true] : [a, true];
}));
const readRows = (path) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
if (args.report) {
  process.stdout.write(report(readRows(args.report)));
  process.exit(0);
}
const reps = Number(args.reps ?? 3);
const durationS = Number(args.duration ?? 3);
const warmupS = Number(args.warmup ?? 0.5);
// per warm-up load, for the single server and again for the cluster: three JVMs sharing 2 cores
// each get a third of the warm-up's CPU; with 4 s the cluster's cells still rose from one
// repetition to the next (sat-1 on a non-owner 8.3k, 10.3k, 13.1k increments/s)
const serverWarmupS = Number(args["server-warmup"] ?? 10);
const clusterPorts = String(args["cluster-ports"] ?? "5711,5712,5713").split(",").map(Number);
// a cell in which other work on the machine used over 25 % of a core runs again (up to N times);
// the disturbed rows stay in the JSON lines (discarded: "noisy"), out of the medians
const retryNoisy = Number(args["retry-noisy"] ?? 2);
// at most this many re-runs in all, so a busy machine can't stretch the run far past ~5 minutes
let retryBudget = Number(args["retry-budget"] ?? 8);

const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const runId = `cluster-${stamp}`;
const jsonl = `${bench}/results/${runId}.jsonl`;
const ctx = { bench, runId, logDir: `${bench}/results/logs/${runId}`, db: String(args.db ?? "tandem_bench_cluster"),
  mark: process.env.TANDEM_BENCH_MARK || `cluster-${process.pid}`,
  heap: "-Xmx1g" }; // every server alike; four default heaps (a quarter of RAM each) would not fit beside others
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const versions = collectVersions(bench);
const machine = { cpus: cpuCount(), loadavg_start: loadavg() };
const servers = []; // every server started, for stopping
let cellNo = 0;

/** Where a cell's clients connect: the servers under load, the idle ones, the owner if clustered. */
async function placement(c, rep, single, nodes, oid) {
  if (c.placement === "single") return { active: [single], idle: nodes, owner: null, clientNodes: [single] };
  const owner = await ownerOf(nodes, oid);
  const others = nodes.filter((n) => n !== owner);
  const clientNodes = { owner: [owner], other: [others[rep % others.length]], spread: [owner, ...others] }[c.placement];
  return { active: nodes, idle: [single], owner, clientNodes };
}

async function measureOnce(single, nodes, rep, c, attempt) {
  const oidPrefix = `${runId}-r${rep}${attempt ? `a${attempt}` : ""}-${c.load}-${c.placement}`;
  const oid = `${oidPrefix}-o0`;
  const at = await placement(c, rep, single, nodes, oid);
  const bases = at.clientNodes.map((n) => n.base);
  const head = { run_id: runId, time: new Date().toISOString(), rep, attempt, load: c.load, placement: c.placement,
    nodes: at.active.length, object_type: "counter", objects: c.objects, clients: c.clients, senders: c.senders, mode: c.mode,
    window: c.window ?? null, warmup_s: warmupS, duration_s: durationS, instance: `counter/${oid}`,
    owner: at.owner?.address ?? null, client_nodes: at.clientNodes.map((n) => n.address ?? n.name) };
  let row;
  try {
    const res = await runCell({ adapter: "tandem", base: bases[0], bases, type: "counter", objects: c.objects, clients: c.clients,
      senders: c.senders, mode: c.mode, window: c.window, warmupS, durationS, drainMs: 3000, oidPrefix,
      serverPids: at.active.map((n) => n.pid), idlePids: at.idle.map((n) => n.pid), dbName: ctx.db });
    row = { ...head, ...res };
    if (at.owner) {
      row.owner_after = (await ownerOf(nodes, oid).catch(() => null))?.address ?? null;
      const cpu = new Map(nodes.map((n, i) => [n, res.server_cpu_pct_each?.[i]]));
      row.owner_cpu_pct = cpu.get(at.owner);
      row.others_cpu_pct = nodes.filter((n) => n !== at.owner).reduce((a, n) => a + cpu.get(n), 0);
    }
    const exited = servers.filter((n) => n.exit);
    if (exited.length) row.server_exited = exited.map((n) => `${n.name} ${JSON.stringify(n.exit)}`);
  } catch (e) {
    row = { ...head, failed: true, error: String(e.message || e) };
  }
  row.versions = versions;
  row.machine = { ...machine, loadavg_cell: row.loadavg ?? loadavg() };
  const f = (x, d = 0) => (x === null || x === undefined ? "-" : Number(x).toFixed(d));
  cellNo++;
  console.log(`[cluster] ${String(cellNo).padStart(2)} rep ${rep} ${c.load} ${c.placement}: ` + (row.failed ? `FAILED ${row.error}`
    : `${f(row.increments_per_s)} inc/s, ${f(row.updates_per_s)} updates/s, p50 ${f(row.lat_p50_ms, 2)} p99 ${f(row.lat_p99_ms, 2)} ms, `
      + `servers ${f(row.server_cpu_pct)}% (idle ones ${f(row.idle_servers_cpu_pct)}%), db ${f(row.db_cpu_pct)}%, `
      + `err ${row.error_count} disc ${row.disconnects} lost ${row.unanswered} gaps ${row.sequence_gaps}, other ${f(row.other_cpu_pct)}%`
      + `${row.owner_after && row.owner_after !== row.owner ? ` OWNER MOVED to ${row.owner_after}` : ""}`));
  return row;
}

async function measure(single, nodes, rep, c) {
  for (let attempt = 0; ; attempt++) {
    const row = await measureOnce(single, nodes, rep, c, attempt);
    const again = row.noisy && attempt < retryNoisy && retryBudget-- > 0;
    if (again) row.discarded = "noisy";
    appendFileSync(jsonl, JSON.stringify(row) + "\n");
    if (!again) return row;
    console.log(`[cluster]    other work used ${Math.round(row.other_cpu_pct)} % of a core in that window: once more`);
    await sleep(1000);
  }
}

async function warmUp(name, targets, idle) {
  const bases = targets.map((n) => n.base);
  for (const [i, w] of warmups.entries()) {
    await runCell({ adapter: "tandem", base: bases[0], bases, type: "counter", ...w, warmupS: 0, durationS: serverWarmupS,
      drainMs: 2000, oidPrefix: `${runId}-${name}-warm${i}`, serverPids: targets.map((n) => n.pid), idlePids: idle.map((n) => n.pid) })
      .catch((e) => console.error(`[cluster] warm-up ${i} of ${name} failed: ${e.message}`));
  }
}

const stopAll = (graceMs) => Promise.all(servers.splice(0).map((n) => stopTarget(n, graceMs).catch(() => {})));
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    console.error(`[cluster] ${sig}: stopping the servers`);
    await stopAll(2000);
    process.exit(130);
  });
}

const t0 = Date.now();
mkdirSync(ctx.logDir, { recursive: true });
ensureDatabase(ctx.db);
console.log(`[cluster] ${runId}: ${reps} repetition(s) of ${warmupS} + ${durationS} s cells; rows -> ${jsonl}`);
console.log("[cluster] NOTE: 2 cores shared by every JVM, PostgreSQL and the load generator: three nodes cannot give more"
  + " throughput than one here; the cluster figures are the cost of the extra hop, not scale-out.");
const rows = [];
try {
  const [single, nodes] = await Promise.all([
    startServer(ctx, "single", []).then((s) => { servers.push(s); return s; }),
    startCluster(ctx, clusterPorts, (n) => servers.push(n)),
  ]);
  await warmUp("single", [single], nodes);
  await warmUp("cluster", nodes, [single]);
  for (let rep = 1; rep <= reps; rep++) {
    for (const c of cellsOf(rep)) rows.push(await measure(single, nodes, rep, c));
  }
} finally {
  await stopAll(5000);
}
const md = report(readRows(jsonl)); // the discarded rows too: the report lists them
writeFileSync(jsonl.replace(/\.jsonl$/, ".md"), md);
console.log(`\n${md}`);
const failed = rows.filter((r) => r.failed || r.unanswered || r.error_count || r.disconnects || r.sequence_gaps || r.connect_failed).length;
console.log(`[cluster] done in ${Math.round((Date.now() - t0) / 1000)} s; ${failed} cell(s) with failures, errors, losses or gaps;`
  + ` rows: ${jsonl}; report: ${jsonl.replace(/\.jsonl$/, ".md")}`);
process.exitCode = failed ? 1 : 0;
