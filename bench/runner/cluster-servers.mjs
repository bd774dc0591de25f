// The cluster benchmark's servers: the bench server jar through peers/tandem/start on the local
// PostgreSQL, alone (cluster off) or as three members of a cluster on 127.0.0.1, and what their
// /cluster endpoint says (members, the owner of an instance).
import { execFileSync } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { startTarget } from "./server.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function getJson(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { Connection: "close" }, timeout: 5000 }, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; });
      res.on("end", () => {
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new Error(`${url} answered ${res.statusCode}: ${body.slice(0, 200)}`));
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${url}: no answer within 5 s`)));
    req.on("error", reject);
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** Creates the database if missing, once, before servers start (three at once would race). */
export function ensureDatabase(db) {
  const psql = (sql) => execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-Atc", sql, "postgres"]).toString().trim();
  if (psql(`select 1 from pg_database where datname='${db}'`) !== "1") {
    psql(`create database ${db}`);
    console.log(`[cluster] created database ${db}`);
  }
}

/**
 * @param ctx { bench, runId, logDir, db, mark, heap }: every server gets the same heap and carries
 *   -Dtandem.bench.mark=<mark>, by which bench/cluster's exit trap finds exactly this run's servers
 */
export async function startServer(ctx, name, props) {
  const def = { start: "peers/tandem/start", startTimeoutS: 120, env: { DB: "pg", PG_DB: ctx.db,
    JAVA_OPTS: [ctx.heap, `-Dtandem.bench.mark=${ctx.mark}`, "-Ddatasources.default.password=", ...props].join(" ") } };
  const server = await startTarget({ bench: ctx.bench, name, def, cpus: null, logPath: `${ctx.logDir}/${name}.log`,
    dataDir: `/tmp/tandem-bench-${ctx.runId}/${name}` });
  console.log(`[cluster] ${name} pid=${server.pid} http=${server.port}`);
  return server;
}

/** Starts the members (in parallel) and waits until each sees all of them. */
export async function startCluster(ctx, ports, started) {
  for (const p of ports) {
    if (!(await portFree(p))) {
      throw new Error(`cluster port ${p} is in use on 127.0.0.1: stop what holds it or pass --cluster-ports=a,b,c`);
    }
  }
  const members = ports.map((p) => `127.0.0.1:${p}`).join(",");
  const nodes = await Promise.all(ports.map((p, i) => startServer(ctx, `node${i + 1}`, ["-Dtandem.cluster.enabled=true",
    `-Dtandem.cluster.name=tandem-bench-${process.pid}`, `-Dtandem.cluster.port=${p}`, `-Dtandem.cluster.members=${members}`,
    "-Dendpoints.cluster.sensitive=false"]).then((n) => {
    n.address = `127.0.0.1:${p}`;
    started(n);
    return n;
  })));
  const deadline = Date.now() + 60000;
  for (const n of nodes) {
    for (;;) {
      const seen = await getJson(`${n.base}/cluster`).then((s) => s.members.length, () => 0);
      if (seen === nodes.length) break;
      if (Date.now() > deadline) throw new Error(`${n.name} sees ${seen} of ${nodes.length} members after 60 s; see ${ctx.logDir}`);
      await sleep(250);
    }
  }
  return nodes;
}

/** The node that owns counter `oid`, as the first node sees it. */
export async function ownerOf(nodes, oid) {
  const status = await getJson(`${nodes[0].base}/cluster/counter/${encodeURIComponent(oid)}`);
  const owner = nodes.find((n) => n.address === status.owner);
  if (!owner) throw new Error(`no node owns counter/${oid} (GET /cluster/counter/${oid} said ${JSON.stringify(status)})`);
  return owner;
}
