// Reading /proc: CPU time and RSS of a process and all its descendants (miniflare starts workerd
// as a child), the machine's load and busy time.
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";

let clkTck = 100;
try {
  clkTck = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
} catch {}

function statOf(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = s.slice(s.lastIndexOf(")") + 2).split(" ");
    // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15
    return { ppid: Number(rest[1]), utime: Number(rest[11]), stime: Number(rest[12]) };
  } catch {
    return null;
  }
}

/** The pid and every descendant of it that is alive now. */
export function processTree(root) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const st = statOf(name);
    if (!st) continue;
    const pid = Number(name);
    if (!children.has(st.ppid)) children.set(st.ppid, []);
    children.get(st.ppid).push(pid);
  }
  const out = [];
  const todo = [root];
  while (todo.length) {
    const p = todo.pop();
    out.push(p);
    for (const c of children.get(p) || []) todo.push(c);
  }
  return out;
}

/** CPU seconds (user + system) used so far by the tree, and its summed RSS in MiB. */
export function treeUsage(root) {
  let ticks = 0;
  let rssKb = 0;
  const pids = processTree(root);
  for (const pid of pids) {
    const st = statOf(pid);
    if (!st) continue;
    ticks += st.utime + st.stime;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) rssKb += Number(m[1]);
    } catch {}
  }
  return { cpuSeconds: ticks / clkTck, rssMiB: rssKb / 1024, pids: pids.length };
}

/** CPU seconds (user + system) used so far by one process (not its children), or null if it is gone. */
export function cpuSecondsOf(pid) {
  const st = statOf(pid);
  return st ? (st.utime + st.stime) / clkTck : null;
}

/** The pids whose command line contains every one of `parts` (e.g. the PostgreSQL backends of one database). */
export function pidsMatching(parts) {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
      if (parts.every((p) => cmd.includes(p))) out.push(Number(name));
    } catch {}
  }
  return out;
}

export function loadavg() {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
  } catch {
    return null;
  }
}

/** Busy (not idle, not waiting for I/O), stolen and total jiffies of the whole machine (all CPUs), from /proc/stat. */
export function machineTicks() {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + (line[4] || 0);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, steal: line[7] || 0 };
}

export function cpuCount() {
  return readFileSync("/proc/cpuinfo", "utf8").split("\n").filter((l) => l.startsWith("processor")).length;
}

/** The CPU list this process may run on (taskset), e.g. "0-1". */
export function affinity(pid = "self") {
  try {
    const m = /Cpus_allowed_list:\s+(\S+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? m[1] : null;
  } catch {
    return null;
  }
}
