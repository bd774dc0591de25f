// The cluster benchmark's Markdown: per load a table of medians over repetitions (range in
// brackets), each placement against the single server's figure.
import { fmt } from "./report.mjs";
import { loads, placementText } from "./cluster-plan.mjs";

const median = (xs) => {
  const v = xs.filter((x) => typeof x === "number" && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const withRange = (xs) => {
  const v = xs.filter((x) => typeof x === "number");
  const m = median(v);
  if (m === null) return "–";
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return v.length > 1 && fmt(lo) !== fmt(hi) ? `${fmt(m)} (${fmt(lo)}–${fmt(hi)})` : fmt(m);
};
const ratio = (a, b) => (a === null || b === null || !b ? "–" : `${(a / b).toFixed(2)}×`);
const sum = (rs, k) => rs.reduce((a, r) => a + (r[k] || 0), 0);

export const CAVEAT = "On a 2-core machine throughput cannot grow with nodes: the three JVMs (and PostgreSQL, and the load"
  + " generator) share the same 2 cores, so the cluster figures are the overhead of the extra hop, not scale-out.";

export function report(rows) {
  const ok = rows.filter((r) => !r.failed && !r.discarded);
  const discarded = rows.filter((r) => r.discarded);
  const first = rows[0] || {};
  const v = first.versions || {};
  const out = [];
  out.push(`## Cluster: ${first.run_id ?? "?"}`, "");
  out.push(`**${CAVEAT}**`, "");
  out.push(`Tandem ${v.tandem_commit ?? "?"}${v.tandem_worktree_dirty ? " (uncommitted changes)" : ""}, stored \`counter\` on`
    + ` PostgreSQL ${v.postgresql ?? "?"}, ${first.machine?.cpus ?? "?"} CPUs, load average at start`
    + ` ${(first.machine?.loadavg_start || []).join(" ")}; cells of ${first.warmup_s} s warm-up + ${first.duration_s} s, medians of`
    + " the repetitions (range in brackets). All four JVMs run throughout; the cells of every placement are interleaved"
    + " (rotating order). *vs single*: the cluster figure divided by the one-server figure.", "");
  out.push("Placements: " + Object.entries(placementText).map(([k, t]) => `*${k}*: ${t}`).join("; ") + ".", "");
  for (const [name, load] of Object.entries(loads)) {
    const byPlacement = load.placements.map((p) => [p, ok.filter((r) => r.load === name && r.placement === p)]);
    if (!byPlacement.some(([, rs]) => rs.length)) continue;
    const single = byPlacement.find(([p]) => p === "single")?.[1] || [];
    const sInc = median(single.map((r) => r.increments_per_s));
    const sP50 = median(single.map((r) => r.lat_p50_ms));
    out.push(`### ${name}: ${load.what}`, "");
    out.push("| placement | n | increments/s | vs single | updates/s | p50 ms | vs single | p99 ms | server CPU % (all JVMs) |"
      + " owner / other nodes CPU % | CPU µs per increment | idle servers CPU % | database CPU % | err / disc / lost / gaps | other CPU % |");
    out.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const [p, rs] of byPlacement) {
      if (!rs.length) continue;
      const col = (k) => rs.map((r) => r[k]);
      const inc = median(col("increments_per_s"));
      const p50 = median(col("lat_p50_ms"));
      const cpuPerInc = median(rs.map((r) => (r.increments_per_s ? (r.server_cpu_pct * 1e4) / r.increments_per_s : null)));
      const split = p === "single" ? "–" : `${fmt(median(col("owner_cpu_pct")))} / ${fmt(median(col("others_cpu_pct")))}`;
      const other = median(col("other_cpu_pct"));
      const moved = rs.filter((r) => r.owner_after && r.owner_after !== r.owner).length;
      out.push(`| ${p}${moved ? ` (owner moved in ${moved})` : ""} | ${rs.length} | ${withRange(col("increments_per_s"))} |`
        + ` ${p === "single" ? "1" : ratio(inc, sInc)} | ${withRange(col("updates_per_s"))} | ${withRange(col("lat_p50_ms"))} |`
        + ` ${p === "single" ? "1" : ratio(p50, sP50)} | ${fmt(median(col("lat_p99_ms")))} | ${fmt(median(col("server_cpu_pct")))} |`
        + ` ${split} | ${fmt(cpuPerInc)} | ${fmt(median(col("idle_servers_cpu_pct")))} | ${fmt(median(col("db_cpu_pct")))} | ${sum(rs, "error_count")} / ${sum(rs, "disconnects")} / ${sum(rs, "unanswered")}`
        + ` / ${sum(rs, "sequence_gaps")} | ${fmt(other)}${other > 25 ? " ⚠" : ""} |`);
    }
    out.push("");
  }
  if (discarded.length) {
    out.push(`${discarded.length} cell(s) were run again because other work used over 25 % of a core in their window`
      + ` (kept in the JSON lines with \`discarded: "noisy"\`, out of the medians): `
      + discarded.map((r) => `${r.load} ${r.placement} rep ${r.rep} (${Math.round(r.other_cpu_pct)} %)`).join(", ") + ".", "");
  }
  const failed = rows.filter((r) => r.failed);
  if (failed.length) {
    out.push("Failed cells:", "", ...failed.map((r) => `- rep ${r.rep} ${r.load} ${r.placement}: ${r.error}`), "");
  }
  out.push("CPU figures are in % of one core over the window. *server CPU %*: the JVMs' user + system time, summed over"
    + " the nodes under load; *CPU µs per increment*: that time per completed call; *idle servers CPU %*: the JVMs not under"
    + " load in the cell (the cluster's three beside the single server, the single server beside the cluster); *database CPU %*: the PostgreSQL backends of the"
    + " benchmark's database; *other CPU %*: everything else on the machine (the load generator excluded; ⚠ over 25 %:"
    + " the row was disturbed).", "");
  return out.join("\n");
}
