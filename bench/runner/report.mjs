// Turns result rows (JSON lines) into the Markdown report: per scenario a table of medians (with
// ranges over repetitions) and the ratio to Tandem, the issue's targets with their gaps, and
// Tandem's own figures (H2 and PostgreSQL).
import { scenarios } from "./matrix.mjs";

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const range = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined);
  return v.length ? [Math.min(...v), Math.max(...v)] : null;
};

export function fmt(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (typeof x !== "number") return String(x);
  const a = Math.abs(x);
  if (digits !== undefined) return x.toFixed(digits);
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}
const fmtRange = (r) => (r && r[0] !== r[1] ? ` (${fmt(r[0])}–${fmt(r[1])})` : "");

// the primary metric of each scenario, and whether higher is better
const primary = {
  "sat-100x10": ["frames_per_s", true, "frames/s"],
  "sat-1": ["increments_per_s", true, "increments/s"],
  "pingpong-1": ["lat_p50_ms", false, "p50 latency"],
  "rate200-100": ["server_cpu_pct", false, "server CPU"],
  "objs-1": ["increments_per_s", true, "increments/s"],
  "objs-8": ["increments_per_s", true, "increments/s"],
  "callers-10": ["increments_per_s", true, "increments/s"],
  "fanout-100": ["updates_per_s", true, "updates delivered/s"],
  "fanout-1000": ["updates_per_s", true, "updates delivered/s"],
};

/** Groups rows by scenario, pinning, target and variant; medians over repetitions. */
export function aggregate(rows) {
  const groups = new Map();
  for (const r of rows) {
    if (r.section === "warmup" || r.failed) continue;
    const key = `${r.scenario}|${r.pinned}|${r.target}|${r.variant}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const agg = new Map();
  for (const [key, rs] of groups) {
    const col = (k) => rs.map((r) => r[k]);
    const a = { rows: rs, n: rs.length, scenario: rs[0].scenario, pinned: rs[0].pinned, target: rs[0].target, variant: rs[0].variant };
    for (const k of ["increments_per_s", "frames_per_s", "updates_per_s", "bytes_per_s", "lat_p50_ms", "lat_p90_ms", "lat_p99_ms",
      "lat_max_ms", "own_patch_p50_ms", "own_patch_p99_ms", "server_cpu_pct", "server_cpu_us_per_frame", "server_rss_mib",
      "fair_min_max", "oldest_pending_ms", "max_gap_ms", "loadgen_cpu_pct_total", "machine_busy_pct", "other_cpu_pct"]) {
      a[k] = median(col(k));
      a[`${k}_range`] = range(col(k));
    }
    a.errors = rs.reduce((s, r) => s + (r.error_count || 0), 0);
    a.disconnects = rs.reduce((s, r) => s + (r.disconnects || 0), 0);
    a.unanswered = rs.reduce((s, r) => s + (r.unanswered || 0) + (r.connect_failed || 0), 0);
    a.loadgen_saturated = rs.filter((r) => r.loadgen_saturated).length;
    a.noisy = rs.filter((r) => r.noisy).length;
    a.loadgen_max_worker = Math.max(...rs.map((r) => Math.max(...(r.loadgen_cpu_pct || [0]))));
    agg.set(key, a);
  }
  return agg;
}

const kindOf = (variant) => (variant === "stored" ? "stored" : "live");

function ratio(a, t, scenario) {
  const [k, higher] = primary[scenario];
  if (!a || !t || a[k] === null || t[k] === null || !a[k] || !t[k]) return null;
  return higher ? t[k] / a[k] : a[k] / t[k];
}

function scenarioTable(agg, scenario, pinned) {
  const list = [...agg.values()].filter((a) => a.scenario === scenario && a.pinned === pinned);
  if (!list.length) return "";
  const order = ["tandem-h2", "tandem-pg", "workerd", "partyserver", "colyseus"];
  list.sort((x, y) => order.indexOf(x.target) - order.indexOf(y.target) || x.variant.localeCompare(y.variant));
  const [pk, , pname] = primary[scenario];
  let md = `#### ${scenario}${pinned ? " (pinned: server on CPU 0, load generator on CPU 1)" : ""}\n\n`;
  md += `${scenarios[scenario]?.what || ""}. Primary figure: ${pname}; "Tandem ×" = how many times better Tandem H2 (same kind: stored vs stored, else not stored) is on it.\n\n`;
  md += "| target / variant | n | increments/s | frames/s | updates/s | MB/s | p50 ms | p90 ms | p99 ms | max ms | server CPU % | CPU µs/frame | RSS MiB | fair min/max | oldest pending ms | err / disc / lost | load-gen CPU % | other CPU % | Tandem × |\n";
  md += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const a of list) {
    const t = agg.get(`${scenario}|${pinned}|tandem-h2|${kindOf(a.variant)}`);
    const r = ratio(a, t, scenario);
    const lg = `${fmt(a.loadgen_cpu_pct_total)}${a.loadgen_saturated ? " ⚠" : ""}`;
    md += `| ${a.target} / ${a.variant} | ${a.n} | ${fmt(a.increments_per_s)}${pk === "increments_per_s" ? fmtRange(a.increments_per_s_range) : ""}`
      + ` | ${fmt(a.frames_per_s)}${pk === "frames_per_s" ? fmtRange(a.frames_per_s_range) : ""} | ${fmt(a.updates_per_s)}${pk === "updates_per_s" ? fmtRange(a.updates_per_s_range) : ""}`
      + ` | ${fmt(a.bytes_per_s / 1e6)} | ${fmt(a.lat_p50_ms)}${pk === "lat_p50_ms" ? fmtRange(a.lat_p50_ms_range) : ""} | ${fmt(a.lat_p90_ms)} | ${fmt(a.lat_p99_ms)} | ${fmt(a.lat_max_ms)}`
      + ` | ${fmt(a.server_cpu_pct)}${pk === "server_cpu_pct" ? fmtRange(a.server_cpu_pct_range) : ""} | ${fmt(a.server_cpu_us_per_frame)} | ${fmt(a.server_rss_mib)}`
      + ` | ${fmt(a.fair_min_max, 2)} | ${fmt(a.oldest_pending_ms)} | ${a.errors} / ${a.disconnects} / ${a.unanswered} | ${lg} | ${fmt(a.other_cpu_pct)}${a.noisy ? " ⚠" : ""} | ${r === null ? "–" : `${fmt(r, 2)}×`} |\n`;
  }
  return md + "\n";
}

function best(list, key, higher) {
  const v = list.filter((a) => a && a[key] !== null && a[key] !== undefined);
  if (!v.length) return null;
  return v.reduce((b, a) => ((higher ? a[key] > b[key] : a[key] < b[key]) ? a : b));
}

function targetsSection(agg) {
  const g = (sc, target, variant) => agg.get(`${sc}|false|${target}|${variant}`);
  const peers = (sc, kinds) => [...agg.values()].filter((a) => a.scenario === sc && !a.pinned && !a.target.startsWith("tandem") && kinds.includes(kindOf(a.variant)) && a.variant !== "sync");
  const peersAll = (sc) => [...agg.values()].filter((a) => a.scenario === sc && !a.pinned && !a.target.startsWith("tandem"));
  const lines = [];
  const verdict = (ok) => (ok === null ? "no data" : ok ? "**met**" : "**not met**");
  const name = (a) => (a ? `${a.target}/${a.variant}` : "–");
  // 1
  {
    const t = g("sat-100x10", "tandem-h2", "stored");
    const tl = g("sat-100x10", "tandem-h2", "live");
    const b = best(peers("sat-100x10", ["stored"]), "frames_per_s", true);
    const bl = best(peersAll("sat-100x10"), "frames_per_s", true);
    const ok = t && b ? t.frames_per_s >= 2 * b.frames_per_s && t.fair_min_max >= 0.5 : null;
    lines.push(`| counter, saturate, 100 clients × 10 senders: frames/s ≥ 2× the best peer, every sender served (min/max ≥ 0.5) | stored: ${fmt(t?.frames_per_s)} frames/s, min/max ${fmt(t?.fair_min_max, 2)}; best stored peer ${name(b)} ${fmt(b?.frames_per_s)} → ${t && b ? fmt(t.frames_per_s / b.frames_per_s, 2) : "–"}×. Not stored: ${fmt(tl?.frames_per_s)}, min/max ${fmt(tl?.fair_min_max, 2)}; best peer of any kind ${name(bl)} ${fmt(bl?.frames_per_s)} → ${tl && bl ? fmt(tl.frames_per_s / bl.frames_per_s, 2) : "–"}× | ${verdict(ok)} |`);
  }
  // 2
  {
    const tl = g("sat-1", "tandem-h2", "live");
    const ts = g("sat-1", "tandem-h2", "stored");
    const bl = best(peers("sat-1", ["live"]), "increments_per_s", true);
    const w = g("sat-1", "workerd", "stored");
    const ok1 = tl && bl ? tl.increments_per_s >= bl.increments_per_s : null;
    const ok2 = ts && w ? ts.increments_per_s >= 10 * w.increments_per_s : null;
    lines.push(`| counter, saturate, 1 client: not stored ≥ the best peer | ${fmt(tl?.increments_per_s)} vs ${name(bl)} ${fmt(bl?.increments_per_s)} increments/s → ${tl && bl ? fmt(tl.increments_per_s / bl.increments_per_s, 2) : "–"}× | ${verdict(ok1)} |`);
    lines.push(`| counter, saturate, 1 client: stored (H2) ≥ 10× workerd with storage | ${fmt(ts?.increments_per_s)} vs ${fmt(w?.increments_per_s)} increments/s → ${ts && w ? fmt(ts.increments_per_s / w.increments_per_s, 2) : "–"}× | ${verdict(ok2)} |`);
  }
  // 3
  {
    const tl = g("pingpong-1", "tandem-h2", "live");
    const ts = g("pingpong-1", "tandem-h2", "stored");
    const bl = best(peersAll("pingpong-1"), "lat_p50_ms", false);
    const bs = best(peers("pingpong-1", ["stored"]), "lat_p50_ms", false);
    const ok = tl && bl ? tl.lat_p50_ms <= bl.lat_p50_ms : null;
    lines.push(`| ping-pong, 1 client: p50 latency ≤ the best peer's | not stored ${fmt(tl?.lat_p50_ms)} ms vs ${name(bl)} ${fmt(bl?.lat_p50_ms)} ms; stored ${fmt(ts?.lat_p50_ms)} ms vs best stored peer ${name(bs)} ${fmt(bs?.lat_p50_ms)} ms | ${verdict(ok)} |`);
  }
  // 4
  {
    const tl = g("rate200-100", "tandem-h2", "live");
    const ts = g("rate200-100", "tandem-h2", "stored");
    const bl = best(peersAll("rate200-100"), "server_cpu_pct", false);
    const bs = best(peers("rate200-100", ["stored"]), "server_cpu_pct", false);
    const ok = tl && bl ? tl.server_cpu_pct <= bl.server_cpu_pct : null;
    lines.push(`| fixed 200 increments/s, 100 clients: server CPU ≤ the best peer's | not stored ${fmt(tl?.server_cpu_pct)} % vs ${name(bl)} ${fmt(bl?.server_cpu_pct)} %; stored ${fmt(ts?.server_cpu_pct)} % vs ${name(bs)} ${fmt(bs?.server_cpu_pct)} % | ${verdict(ok)} |`);
  }
  // 5
  {
    const parts = [];
    let ok = null;
    for (const v of ["stored", "live"]) {
      const one = g("objs-1", "tandem-h2", v);
      const many = g("objs-8", "tandem-h2", v);
      if (one && many) {
        const r = many.increments_per_s / one.increments_per_s;
        parts.push(`${v}: ${fmt(many.increments_per_s)} vs ${fmt(one.increments_per_s)} → ${fmt(r, 2)}×`);
        ok = (ok ?? true) && r >= 1.8;
      }
    }
    const peerParts = [];
    for (const a of [...agg.values()].filter((x) => x.scenario === "objs-8" && !x.pinned && !x.target.startsWith("tandem"))) {
      const one = g("objs-1", a.target, a.variant);
      if (one) peerParts.push(`${a.target}/${a.variant} ${fmt(a.increments_per_s / one.increments_per_s, 2)}×`);
    }
    lines.push(`| many objects: throughput on 2 cores ≥ 1.8× that of one object | Tandem ${parts.join("; ") || "–"} (peers: ${peerParts.join(", ") || "–"}) | ${verdict(ok)} |`);
  }
  return "| target (issue 6) | measured (medians, unpinned) | verdict |\n|---|---|---|\n" + lines.join("\n") + "\n\n";
}

function tandemSection(agg) {
  const rows = [];
  for (const t of ["tandem-h2", "tandem-pg"]) {
    for (const v of ["stored", "live"]) {
      const g = (sc) => agg.get(`${sc}|false|${t}|${v}`);
      if (!["sat-1", "callers-10", "fanout-100", "fanout-1000", "pingpong-1"].some((s) => g(s))) continue;
      rows.push(`| ${t} / ${v === "stored" ? "counter (stored)" : "live-counter (not stored)"} | ${fmt(g("sat-1")?.increments_per_s)} | ${fmt(g("callers-10")?.increments_per_s)}`
        + ` | ${fmt(g("sat-1")?.updates_per_s)} | ${fmt(g("fanout-100")?.updates_per_s)} | ${fmt(g("fanout-1000")?.updates_per_s)}`
        + ` | ${fmt(g("pingpong-1")?.own_patch_p50_ms)} | ${fmt(g("pingpong-1")?.own_patch_p99_ms)} | ${fmt(g("pingpong-1")?.lat_p99_ms)} |`);
    }
  }
  if (!rows.length) return "";
  return "| Tandem target / type | calls/s, 1 caller pipelining 32 | calls/s, 10 callers × 8 | fan-out 1: msgs/s | fan-out 100: msgs/s | fan-out 1000: msgs/s | call→own patch p50 ms | call→own patch p99 ms | call→result p99 ms |\n|---|---|---|---|---|---|---|---|---|\n"
    + rows.join("\n") + "\n\n";
}

export function report(rows, { title = "Benchmark results" } = {}) {
  const agg = aggregate(rows);
  const first = rows.find((r) => r.versions) || {};
  // versions of a target's packages are known from its first start on: take each from any row
  const versions = {};
  for (const r of rows) {
    for (const [k, v] of Object.entries(r.versions || {})) if (versions[k] == null) versions[k] = v;
  }
  const meta = { ...first, versions };
  const failed = rows.filter((r) => r.failed);
  const reps = new Set(rows.map((r) => r.rep)).size;
  let md = `### ${title}\n\n`;
  md += `Run \`${meta.run_id}\` (${meta.profile}), ${reps} repetition(s), cells of ${meta.duration_s} s after ${meta.warmup_s} s warm-up; `
    + `${meta.machine?.cpus} CPUs, load average at start ${meta.machine?.loadavg_start?.join(" ")}. `
    + `Versions: Tandem ${meta.versions?.tandem_commit} (jar ${meta.versions?.tandem_jar?.sha256}), ${meta.versions?.java?.split(" | ")[0]}, `
    + `Node ${meta.versions?.node_bench}, workerd ${meta.versions?.workerd_pkg}, miniflare ${meta.versions?.miniflare} (workerd ${meta.versions?.miniflare_workerd_pkg}), `
    + `partyserver ${meta.versions?.partyserver}, @colyseus/core ${meta.versions?.colyseus_core}, @colyseus/schema ${meta.versions?.colyseus_schema}, PostgreSQL ${meta.versions?.postgresql}.\n\n`;
  md += "Medians over repetitions; (min–max) ranges on the primary figure. Load-gen CPU ⚠: a load-generator process was at ≥ 90 % of a core (the load generator, not the server, may have been the limit). Other CPU: what the rest of the machine used in the window (% of one core; ⚠ over 25 %: the figures of that row are disturbed by other work).\n\n";
  if (failed.length) {
    md += `**${failed.length} cell(s) failed:** ${failed.map((r) => `${r.target}/${r.variant} ${r.scenario}${r.pinned ? " pinned" : ""}: ${r.error}`).join("; ")}\n\n`;
  }
  const hasCompare = [...agg.values()].some((a) => !a.target.startsWith("tandem"));
  if (hasCompare) md += "#### Targets\n\n" + targetsSection(agg);
  const ts = tandemSection(agg);
  if (ts) md += "#### Tandem's own figures\n\n" + ts;
  for (const pinned of [false, true]) {
    for (const sc of Object.keys(scenarios)) md += scenarioTable(agg, sc, pinned);
  }
  return md;
}
