// Starting and stopping a benchmark target: its start script (optionally under taskset), the
// "<name> pid=<pid> port=<port>" line, health polling, and TERM then KILL by pid (each pid of its
// process tree, so miniflare's workerd child goes too).
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import http from "node:http";
import { processTree } from "../loadgen/proc.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

// one GET per check, no keep-alive: an idle pooled connection would hold up a server's shutdown
// (workerd waits for open connections on TERM)
function healthy(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, headers: { Connection: "close" }, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

export async function startTarget({ bench, name, def, cpus, logPath, dataDir }) {
  const port = await freePort();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const cmd = cpus ? "taskset" : `${bench}/${def.start}`;
  const args = cpus ? ["-c", cpus, `${bench}/${def.start}`] : [];
  const log = createWriteStream(logPath, { flags: "a" });
  const child = spawn(cmd, args, {
    env: { ...process.env, ...(def.env || {}), PORT: String(port), ...(dataDir ? { DATA_DIR: dataDir } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const server = { name, port, base: `http://127.0.0.1:${port}`, child, spawnPid: child.pid, pid: null, log, exit: null, dataDir };
  child.once("exit", (code, signal) => { server.exit = { code, signal }; });
  const deadline = Date.now() + (def.startTimeoutS || 60) * 1000;
  server.pid = await new Promise((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => reject(new Error(`${name} printed no pid within ${def.startTimeoutS || 60} s; see ${logPath}`)), deadline - Date.now());
    const onData = (d) => {
      buf += d.toString();
      const m = / pid=(\d+) port=(\d+)/.exec(buf);
      if (m) {
        child.stdout.off("data", onData);
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}) before printing its pid; see ${logPath}`)); });
  }).catch(async (e) => {
    await stopTarget(server);
    throw e;
  });
  // health
  for (;;) {
    if (await healthy(`${server.base}/health`)) break;
    if (server.exit) throw new Error(`${name} exited (${JSON.stringify(server.exit)}) before it was healthy; see ${logPath}`);
    if (Date.now() > deadline) {
      await stopTarget(server);
      throw new Error(`${name} was not healthy within ${def.startTimeoutS || 60} s; see ${logPath}`);
    }
    await sleep(200);
  }
  return server;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** TERM to the server's pid, then KILL to every pid of its tree still alive after graceMs. */
export async function stopTarget(server, graceMs = 5000) {
  const root = server.pid ?? server.spawnPid;
  const tree = new Set([server.spawnPid, ...(root ? processTree(root) : [])].filter(Boolean));
  for (const pid of [root, server.spawnPid]) {
    if (pid && alive(pid)) {
      try { process.kill(pid, "SIGTERM"); } catch {}
    }
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && [...tree].some(alive)) await sleep(100);
  const killed = [];
  for (const pid of tree) {
    if (alive(pid)) {
      try {
        process.kill(pid, "SIGKILL");
        killed.push(pid);
      } catch {}
    }
  }
  if (killed.length) await sleep(200);
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
  server.log.end(`\n[runner] stopped; KILLed after ${graceMs} ms: ${killed.join(" ") || "none"}\n`);
  return killed;
}
