// How the shared-cursors sample holds up with 20 windows: 20 clients on one room, each moving its
// pointer 60 times a second (the page's frame-rate throttle), for a bounded time. Prints the
// latency from sending a move to its result (which carries the mover's own patch), the patches
// each client receives per second (others' patches plus the own ones inside results), and the server's CPU if its pid is given.
//
//   java -jar samples/target/tandem-samples.jar &     # or any server hosting the samples
//   node bench/cursors/cursors-20.mjs --url ws://127.0.0.1:8080 --seconds 10 [--pid <server pid>]
import { readFileSync } from "node:fs";
import WebSocket from "ws";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const url = args.url || "ws://127.0.0.1:8080";
const clients = Number(args.clients || 20);
const seconds = Math.min(Number(args.seconds || 10), 60);
const rate = Number(args.rate || 60);
const room = "cursors-load-" + Date.now().toString(36);

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

const latencies = [];
let patches = 0;
const sockets = await Promise.all(Array.from({ length: clients }, (_, i) => new Promise((resolve, reject) => {
  const ws = new WebSocket(`${url}/tandem/ws/cursors/${room}?name=bot${i}&color=%23336699`);
  const sent = new Map();
  let next = 1;
  ws.on("message", data => {
    const m = JSON.parse(data.toString());
    if (m.type === "snapshot") {
      resolve({ ws, sent, move: () => {
        const id = next++;
        sent.set(id, performance.now());
        ws.send(JSON.stringify({ type: "call", id, action: "move", args: [Math.random(), Math.random()] }));
      } });
    } else if (m.type === "patch") {
      patches++;
    } else if (m.type === "result" && sent.has(m.id)) {
      if (m.ops !== undefined) patches++;
      latencies.push(performance.now() - sent.get(m.id));
      sent.delete(m.id);
    } else if (m.type === "error") {
      console.error("error:", m.code, m.message);
    }
  });
  ws.on("error", reject);
})));

const ticks0 = args.pid ? cpuTicks(args.pid) : 0;
const cpu0 = process.cpuUsage();
const start = performance.now();
const timers = sockets.map(s => setInterval(s.move, 1000 / rate));
await new Promise(r => setTimeout(r, seconds * 1000));
timers.forEach(clearInterval);
await new Promise(r => setTimeout(r, 300));
const elapsed = (performance.now() - start) / 1000;
const own = process.cpuUsage(cpu0);
sockets.forEach(s => s.ws.close());

latencies.sort((a, b) => a - b);
const pct = p => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
console.log(`${clients} clients × ${rate} moves/s for ${seconds} s on one room`);
console.log(`moves answered: ${latencies.length} (${(latencies.length / elapsed).toFixed(0)}/s)`);
console.log(`move → result latency ms: p50 ${pct(0.5)}  p90 ${pct(0.9)}  p99 ${pct(0.99)}  max ${latencies.at(-1).toFixed(1)}`);
console.log(`patches delivered: ${(patches / elapsed).toFixed(0)}/s in all, ${(patches / elapsed / clients).toFixed(0)}/s per client`);
console.log(`this load generator's CPU: ${((own.user + own.system) / 1e6 / elapsed * 100).toFixed(0)}% of one core`
    + " (near 100% means the figures above are limited by the generator, not the server)");
if (args.pid) {
  const cpu = (cpuTicks(args.pid) - ticks0) / 100 / elapsed;
  console.log(`server CPU: ${(cpu * 100).toFixed(0)}% of one core`);
}
