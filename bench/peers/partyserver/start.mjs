// Serves dist/server.js (bundled by ./start) with miniflare on 127.0.0.1:PORT. Run with Node 22.
// Prints "partyserver pid=<pid> port=<port>" once listening; the Durable Objects run in the workerd
// child process miniflare starts (the runner sums the process tree).
import { Miniflare } from "miniflare";

const port = Number(process.env.PORT || 1999);
const dataDir = process.env.DATA_DIR;
const mf = new Miniflare({
  modules: true,
  scriptPath: new URL("./dist/server.js", import.meta.url).pathname,
  compatibilityDate: "2025-06-01",
  host: "127.0.0.1",
  port,
  durableObjects: {
    Counter: { className: "Counter", useSQLite: true },
    LiveCounter: { className: "LiveCounter", useSQLite: true },
  },
  durableObjectsPersist: dataDir || false,
});
const url = await mf.ready;
console.log(`partyserver pid=${process.pid} port=${url.port}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try { await mf.dispose(); } finally { process.exit(0); }
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
