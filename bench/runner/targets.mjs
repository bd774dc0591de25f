// The benchmark targets: how to start each, and the object types (variants) it serves.
// variant kinds: "stored" (the count is stored on every increment), "live" (in memory, sent to
// every connection on every increment), "sync" (Colyseus schema state sync at its patch rate).
export const targets = {
  "tandem-h2": {
    start: "peers/tandem/start", env: { DB: "h2" }, adapter: "tandem", startTimeoutS: 90,
    variants: { stored: "counter", live: "live-counter" },
  },
  "tandem-pg": {
    start: "peers/tandem/start", env: { DB: "pg" }, adapter: "tandem", startTimeoutS: 90,
    variants: { stored: "counter", live: "live-counter" },
  },
  workerd: {
    start: "peers/workerd/start", adapter: "dojson", path: "/ws", startTimeoutS: 60,
    variants: { stored: "counter", live: "live-counter" },
  },
  partyserver: {
    start: "peers/partyserver/start", adapter: "dojson", path: "/parties", startTimeoutS: 90,
    variants: { stored: "counter", live: "live-counter" },
  },
  colyseus: {
    start: "peers/colyseus/start", adapter: "colyseus", startTimeoutS: 60,
    variants: { live: "counter", sync: "schema-counter" },
  },
};

/** The Tandem target whose figures a row is compared with. */
export const tandemFor = () => "tandem-h2";
