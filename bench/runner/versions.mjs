// What ran: versions of every runtime and package in the benchmark, measured (not assumed) once
// per run and recorded in every row.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";

const sh = (cmd, args, opts = {}) => {
  try {
    const out = execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], timeout: 20000, ...opts });
    return out.toString().trim();
  } catch (e) {
    const err = (e.stderr || "").toString().trim();
    return err || null;
  }
};
const pkg = (dir, name) => {
  try {
    return JSON.parse(readFileSync(`${dir}/node_modules/${name}/package.json`, "utf8")).version;
  } catch {
    return null;
  }
};

export function collectVersions(bench) {
  const javaV = (sh("bash", ["-c", "java -version 2>&1"]) || "").split("\n").join(" | ") || null;
  let jar = null;
  try {
    const path = `${bench}/target/tandem-bench-server.jar`;
    const st = statSync(path);
    jar = { mtime: st.mtime.toISOString(), sha256: createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 16) };
  } catch {}
  const workerdBin = `${bench}/peers/workerd/node_modules/@cloudflare/workerd-linux-64/bin/workerd`;
  const mfWorkerdBin = `${bench}/peers/partyserver/node_modules/@cloudflare/workerd-linux-64/bin/workerd`;
  return {
    node_system: sh("node", ["-v"]),
    node_bench: process.version,
    java: javaV,
    tandem_commit: sh("git", ["-C", bench, "rev-parse", "--short", "HEAD"]),
    tandem_worktree_dirty: (sh("git", ["-C", bench, "status", "--porcelain", "--untracked-files=no", "--", ".."]) || "").length > 0,
    tandem_jar: jar,
    postgresql: sh("psql", ["-h", "127.0.0.1", "-U", "postgres", "-Atc", "show server_version", "postgres"]),
    workerd_pkg: pkg(`${bench}/peers/workerd`, "workerd"),
    workerd_bin: sh(workerdBin, ["--version"]),
    miniflare: pkg(`${bench}/peers/partyserver`, "miniflare"),
    miniflare_workerd_pkg: pkg(`${bench}/peers/partyserver`, "workerd"),
    miniflare_workerd_bin: sh(mfWorkerdBin, ["--version"]),
    partyserver: pkg(`${bench}/peers/partyserver`, "partyserver"),
    esbuild: pkg(`${bench}/peers/partyserver`, "esbuild"),
    colyseus_core: pkg(`${bench}/peers/colyseus`, "@colyseus/core"),
    colyseus_ws_transport: pkg(`${bench}/peers/colyseus`, "@colyseus/ws-transport"),
    colyseus_schema: pkg(`${bench}/peers/colyseus`, "@colyseus/schema"),
    colyseus_sdk: pkg(`${bench}/loadgen`, "@colyseus/sdk"),
    ws_client: pkg(`${bench}/loadgen`, "ws"),
    kernel: sh("uname", ["-r"]),
    cpu_model: (() => {
      try {
        return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))[1];
      } catch {
        return null;
      }
    })(),
  };
}
