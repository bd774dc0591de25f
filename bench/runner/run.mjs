// The benchmark runner: for each repetition (outermost), pin mode and target, starts the target,
// waits for its health, warms it up, runs its cells with the load generator, stops it (TERM, then
// KILL by pid), appends one JSON line per cell to results/<profile>-<time>.jsonl and writes the
// Markdown report next to it (and into README.md for full runs).
//
//   node runner/run.mjs --smoke | --quick | --full  [--targets=a,b] [--sections=compare,tandem]
//       [--scenarios=x,y] [--reps=N] [--duration=S] [--warmup=S] [--pin=off|on|both] [--update-readme]
//       [--check] [--dry-run]
//   node runner/run.mjs --report results/<file>.jsonl      (re-renders the Markdown)
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { targets } from "./targets.mjs";
import { profiles, cellsFor, warmupSuite } from "./matrix.mjs";
import { collectVersions } from "./versions.mjs";
import { startTarget, stopTarget } from "./server.mjs";
import { report } from "./report.mjs";
import { runCell } from "../loadgen/loadgen.mjs";
import { loadavg, cpuCount, affinity, processTree } from "../loadgen/proc.mjs";
import { execFileSync } from "node:child_process";

const bench = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  return m ? [m[1], m[2] ?? true] : [a, true];
}));

if (args.report) {
  const rows = readFileSync(args.report, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  process.stdout.write(report(rows, { title: `Results of ${args.report}` }));
  process.exit(0);
}

const profileName = args.full ? "full" : args.quick ? "quick" : args.smoke ? "smoke" : null;
if (!profileName) {
  console.error("usage: bench/run --smoke | --quick | --full [--targets=..] [--sections=..] [--scenarios=..] [--reps=N] [--duration=S] [--warmup=S] [--pin=off|on|both]");
  process.exit(2);
}
const profile = structuredClone(profiles[profileName]);
if (args.targets) profile.targets = args.targets.split(",");
if (args.sections) profile.sections = args.sections.split(",");
if (args.reps) profile.reps = Number(args.reps);
if (args.duration) profile.durationS = Number(args.duration);
if (args.warmup) profile.warmupS = Number(args.warmup);
if (args.pin) profile.pinModes = { off: [false], on: [true], both: [false, true] }[args.pin];
const onlyScenarios = args.scenarios ? new Set(args.scenarios.split(",")) : null;
for (const t of profile.targets) if (!targets[t]) throw new Error(`unknown target ${t}; known: ${Object.keys(targets).join(", ")}`);

const cpus = cpuCount();
const PIN_SERVER = "0";
const PIN_LOADGEN = cpus > 1 ? "1" : "0";
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const runId = `${profileName}-${stamp}`;
const resultsDir = `${bench}/results`;
const logDir = `${resultsDir}/logs/${runId}`;
const jsonl = `${resultsDir}/${runId}.jsonl`;
const tmpDir = `/tmp/tandem-bench-${runId}`; // the servers' data folders, removed as each stops
const mdPath = `${resultsDir}/${runId}.md`;

// one server start per target and repetition: its unpinned cells, then (after pinning the
// running server's threads to CPU 0 with taskset, the load generator on CPU 1) its pinned cells
const plan = [];
for (let rep = 1; rep <= profile.reps; rep++) {
  // rotate the target order each repetition so drift in the machine's load spreads over all
  const order = profile.targets.map((_, i) => profile.targets[(i + rep - 1) % profile.targets.length]);
  for (const target of order) {
    const cells = [];
    for (const pinned of profile.pinModes) {
      for (const c of cellsFor(profile, target, pinned, (t) => targets[t].variants)) {
        if (!onlyScenarios || onlyScenarios.has(c.scenario)) cells.push({ ...c, pinned });
      }
    }
    if (cells.length) plan.push({ rep, target, cells });
  }
}
const nCells = plan.reduce((a, p) => a + p.cells.length, 0);
// measured on this machine: ~0.7 s per cell beyond its warm-up and window (connect, drain,
// close), ~4 s per server start (start, health, stop) besides its warm-up runs
const perCell = profile.warmupS + profile.durationS + 0.7;
const estimate = plan.reduce((a, p) => a + 4 + (profile.serverWarmupS > 0 ? new Set(p.cells.map((c) => c.variant)).size * warmupSuite.length * (profile.serverWarmupS + 0.7) : 0), 0)
  + nCells * perCell;
console.log(`[run] ${runId}: ${nCells} cells on ${plan.length} server starts, ${profile.reps} repetition(s); expected ~${Math.ceil(estimate / 60)} min (${Math.round(estimate)} s)`);
if (args["dry-run"]) {
  for (const p of plan) console.log(`[plan] rep ${p.rep} ${p.target}: ${p.cells.map((c) => `${c.scenario}/${c.variant}${c.pinned ? "/pinned" : ""}`).join(" ")}`);
  process.exit(0);
}
mkdirSync(logDir, { recursive: true });
console.log(`[run] rows -> ${jsonl}`);

// measured again after a start while some are missing: a target's start script installs its
// pinned packages on first use, so its versions can only be read after it first started
let versions = collectVersions(bench);
const machine = { cpus, loadavg_start: loadavg(), mem_total_mib: (() => {
  try { return Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"))[1]) / 1024); } catch { return null; }
})(), runner_affinity: affinity() };

let current = null;
let interrupted = false;
const onSignal = async (sig) => {
  if (interrupted) return;
  interrupted = true;
  console.error(`[run] ${sig}: stopping`);
  if (current) await stopTarget(current, 3000).catch(() => {});
  process.exit(130);
};
process.on("SIGINT", () => onSignal("SIGINT"));
process.on("SIGTERM", () => onSignal("SIGTERM"));

const rows = [];
let failures = 0;
const t0 = Date.now();
let cellNo = 0;
function pin(server, cpus) {
  // every thread of every process of the server's tree
  for (const pid of processTree(server.pid)) {
    try {
      execFileSync("taskset", ["-a", "-pc", cpus, String(pid)], { stdio: "ignore" });
    } catch (e) {
      console.error(`[run] taskset ${cpus} ${pid} failed: ${e.message}`);
    }
  }
}

for (const step of plan) {
  const def = targets[step.target];
  const logPath = `${logDir}/${step.target}-rep${step.rep}.log`;
  let server;
  try {
    server = await startTarget({ bench, name: step.target, def, cpus: null, logPath, dataDir: `${tmpDir}/${step.target}-rep${step.rep}` });
  } catch (e) {
    console.error(`[run] ${step.target} did not start: ${e.message}`);
    for (const c of step.cells) {
      const row = { run_id: runId, profile: profileName, rep: step.rep, pinned: c.pinned, target: step.target, variant: c.variant, scenario: c.scenario, failed: true, error: `start: ${e.message}`, versions, machine };
      rows.push(row);
      appendFileSync(jsonl, JSON.stringify(row) + "\n");
      failures++;
    }
    continue;
  }
  current = server;
  if (Object.values(versions).some((v) => v === null)) versions = collectVersions(bench);
  console.log(`[run] rep ${step.rep}: ${step.target} pid=${server.pid} port=${server.port} (affinity ${affinity(server.pid)})`);
  const base = { adapter: def.adapter, base: server.base, path: def.path, serverPid: server.pid };
  // warm-up (JIT and caches): the warm-up suite per variant, not recorded
  for (const v of profile.serverWarmupS > 0 ? [...new Set(step.cells.map((c) => c.variant))] : []) {
    for (const [i, w] of warmupSuite.entries()) {
      try {
        await runCell({ ...base, ...w, type: def.variants[v], warmupS: 0, durationS: profile.serverWarmupS, drainMs: 2000,
          oidPrefix: `${runId}-warm-r${step.rep}-${v}-${i}` });
      } catch (e) {
        console.error(`[run] warm-up ${i} of ${step.target}/${v} failed: ${e.message}`);
      }
    }
  }
  let pinnedNow = false;
  for (const c of step.cells) {
    if (c.pinned && !pinnedNow) {
      pin(server, PIN_SERVER);
      pinnedNow = true;
      console.log(`[run] ${step.target}: pinned to CPU ${PIN_SERVER} (affinity ${affinity(server.pid)}), load generator on CPU ${PIN_LOADGEN}`);
    }
    cellNo++;
    const cell = { ...base, loadgenCpus: c.pinned ? PIN_LOADGEN : null, type: def.variants[c.variant], objects: c.objects, clients: c.clients,
      senders: c.senders, mode: c.mode, window: c.window, rate: c.rate, warmupS: profile.warmupS, durationS: profile.durationS, drainMs: 3000,
      oidPrefix: `${runId}-r${step.rep}${c.pinned ? "p" : ""}-${c.scenario}-${c.variant}` };
    const head = { run_id: runId, profile: profileName, time: new Date().toISOString(), rep: step.rep, section: c.sections.join("+"),
      scenario: c.scenario, target: step.target, variant: c.variant, object_type: cell.type, pinned: c.pinned,
      server_cpus: affinity(server.pid), loadgen_cpus: c.pinned ? PIN_LOADGEN : machine.runner_affinity,
      objects: c.objects, clients: c.clients, senders: c.senders, mode: c.mode, window: c.window ?? null, rate: c.rate ?? null,
      warmup_s: profile.warmupS, duration_s: profile.durationS, server_pid: server.pid };
    let row;
    try {
      const res = await runCell(cell);
      row = { ...head, ...res };
      if (server.exit) row.server_exited = server.exit;
    } catch (e) {
      row = { ...head, failed: true, error: String(e.message || e) };
      failures++;
    }
    row.versions = versions;
    row.machine = { ...machine, loadavg_cell: row.loadavg ?? loadavg() };
    rows.push(row);
    appendFileSync(jsonl, JSON.stringify(row) + "\n");
    const f = (x, d = 0) => (x === null || x === undefined ? "-" : Number(x).toFixed(d));
    console.log(`[run] ${String(cellNo).padStart(3)}/${nCells} ${step.target}/${c.variant} ${c.scenario}${c.pinned ? " pinned" : ""}: `
      + (row.failed ? `FAILED ${row.error}` : `${f(row.increments_per_s)} inc/s, ${f(row.frames_per_s)} frames/s, p50 ${f(row.lat_p50_ms, 2)} p99 ${f(row.lat_p99_ms, 2)} ms, `
        + `srv ${f(row.server_cpu_pct)}% ${f(row.server_rss_mib)} MiB, fair ${f(row.fair_min_max, 2)}, err ${row.error_count} disc ${row.disconnects} lost ${row.unanswered}, `
        + `lg ${f(row.loadgen_cpu_pct_total)}%${row.loadgen_saturated ? " SATURATED" : ""}, other ${f(row.other_cpu_pct)}%`));
    if (server.exit) {
      console.error(`[run] ${step.target} exited during the run: ${JSON.stringify(server.exit)}`);
      break;
    }
  }
  const killed = await stopTarget(server);
  current = null;
  if (killed.length) console.log(`[run] ${step.target}: did not stop on TERM within 5 s; KILLed ${killed.join(" ")}`);
}

rmSync(tmpDir, { recursive: true, force: true });
const md = report(rows, { title: `${profileName} run ${runId}` });
writeFileSync(mdPath, md);
writeFileSync(`${resultsDir}/latest-${profileName}.md`, md);
if (profileName === "full" || args["update-readme"]) {
  const readme = `${bench}/README.md`;
  try {
    const text = readFileSync(readme, "utf8");
    const begin = "<!-- results:begin -->";
    const end = "<!-- results:end -->";
    if (text.includes(begin) && text.includes(end)) {
      writeFileSync(readme, text.slice(0, text.indexOf(begin) + begin.length) + "\n" + md + text.slice(text.indexOf(end)));
      console.log(`[run] README.md updated`);
    }
  } catch {}
}
console.log(`\n${md}`);
console.log(`[run] done in ${Math.round((Date.now() - t0) / 1000)} s; ${failures} failed cell(s); rows: ${jsonl}; report: ${mdPath}`);
let problems = [];
if (args.check) {
  // the smoke's checks: the harness works end to end (no thresholds on absolute numbers)
  for (const r of rows) {
    const id = `${r.target}/${r.variant} ${r.scenario}`;
    if (r.failed) { problems.push(`${id}: failed: ${r.error}`); continue; }
    if (!(r.increments_per_s > 0)) problems.push(`${id}: no increment completed`);
    if (!(r.frames_per_s > 0)) problems.push(`${id}: no frame delivered`);
    if (r.lat_p50_ms === null) problems.push(`${id}: no latency`);
    if (r.connect_failed) problems.push(`${id}: ${r.connect_failed} connection(s) failed: ${r.connect_errors.join("; ")}`);
    if (r.error_count) problems.push(`${id}: errors ${JSON.stringify(r.errors)}`);
    if (r.disconnects) problems.push(`${id}: ${r.disconnects} disconnect(s) ${JSON.stringify(r.disconnect_codes)}`);
    if (r.unanswered) problems.push(`${id}: ${r.unanswered} call(s) never answered`);
    if (r.sequence_gaps) problems.push(`${id}: ${r.sequence_gaps} gap(s) in the update sequence`);
    if (r.server_cpu_pct === undefined) problems.push(`${id}: no server CPU figure`);
  }
  const peersRun = new Set(rows.filter((r) => !r.failed && !r.target.startsWith("tandem")).map((r) => r.target));
  if (!rows.some((r) => !r.failed && r.target.startsWith("tandem"))) problems.push("no Tandem row");
  if (!peersRun.size) problems.push("no peer row");
  for (const p of problems) console.error(`[check] ${p}`);
  console.log(problems.length ? `[check] smoke FAILED: ${problems.length} problem(s)` : `[check] smoke passed: ${rows.length} cells`);
}
process.exitCode = failures || problems.length ? 1 : 0;
