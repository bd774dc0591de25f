// The benchmark matrix: scenarios (what load), which targets run them, pinned or not, and the
// sizes of the smoke, quick and full runs.
//
// Scenario fields: objects (M), clients (N per object), senders (K per object), mode
// ("pingpong" | "saturate" | "rate"), window (calls in flight per sender), rate (increments/s
// per object), and `sections`: "compare" (Tandem H2 against the peers) and/or "tandem" (Tandem's
// own figures, H2 and PostgreSQL).
export const scenarios = {
  "sat-100x10": { objects: 1, clients: 100, senders: 10, mode: "saturate", window: 8, sections: ["compare"], pinned: true,
    what: "saturate: 1 object, 100 clients, 10 of them sending with 8 calls in flight each" },
  "sat-1": { objects: 1, clients: 1, senders: 1, mode: "saturate", window: 32, sections: ["compare", "tandem"],
    what: "saturate: 1 object, 1 client pipelining 32 calls (also Tandem's \"1 caller\" and \"fan-out 1\")" },
  "pingpong-1": { objects: 1, clients: 1, senders: 1, mode: "pingpong", sections: ["compare", "tandem"], pinned: true,
    what: "ping-pong: 1 object, 1 client, 1 call in flight (latency)" },
  "rate200-100": { objects: 1, clients: 100, senders: 10, mode: "rate", rate: 200, sections: ["compare"],
    what: "fixed rate: 200 increments/s on 1 object with 100 clients (10 senders x 20/s); latency from the scheduled time" },
  "objs-1": { objects: 1, clients: 10, senders: 1, mode: "saturate", window: 16, sections: ["compare"],
    what: "many-objects baseline: 1 object x 10 clients, 1 sender with 16 in flight" },
  "objs-8": { objects: 8, clients: 10, senders: 1, mode: "saturate", window: 16, sections: ["compare"],
    what: "many objects: 8 objects x 10 clients, 1 sender each with 16 in flight" },
  "callers-10": { objects: 1, clients: 10, senders: 10, mode: "saturate", window: 8, sections: ["tandem"],
    what: "Tandem: 10 callers on 1 object, 8 in flight each" },
  "fanout-100": { objects: 1, clients: 100, senders: 1, mode: "saturate", window: 32, sections: ["tandem"],
    what: "Tandem: fan-out, 100 subscribers (1 of them sending, 32 in flight)" },
  "fanout-1000": { objects: 1, clients: 1000, senders: 1, mode: "saturate", window: 32, sections: ["tandem"],
    what: "Tandem: fan-out, 1000 subscribers (1 of them sending, 32 in flight)" },
};

// The warm-up of every server start, per variant, not recorded: the JVM keeps compiling for tens
// of seconds and each load shape (saturating, ping-pong, fan-out) brings its own code paths
// (measured: a ping-pong after 10 s of saturating load still had the C2 compiler at ~70 % of a
// core for over 10 s, mostly compiling H2's commit path). Every target gets the same suite.
export const warmupSuite = [
  { objects: 1, clients: 10, senders: 10, mode: "saturate", window: 8 },
  { objects: 1, clients: 1, senders: 1, mode: "pingpong" },
  { objects: 1, clients: 100, senders: 1, mode: "saturate", window: 32 },
];

export const compareTargets = ["tandem-h2", "workerd", "partyserver", "colyseus"];
export const tandemTargets = ["tandem-h2", "tandem-pg"];
// Colyseus's state-sync room completes a call when the 50 ms patch arrives: its throughput is
// bounded by window / 50 ms per sender, so it only runs where that says something
export const skip = (target, variant, scenario, pinned) =>
  target === "colyseus" && variant === "sync" && (pinned || ["sat-1", "objs-1", "objs-8"].includes(scenario));

export const profiles = {
  // ~20 s: proves the harness end to end on Tandem and one peer (cold servers: no warm-up suite)
  smoke: {
    reps: 1, warmupS: 0.3, durationS: 1, serverWarmupS: 0, pinModes: [false],
    targets: ["tandem-h2", "workerd"],
    variants: { "tandem-h2": ["stored", "live"], workerd: ["stored"] },
    cells: { "tandem-h2": ["sat-100x10", "pingpong-1"], workerd: ["sat-100x10", "pingpong-1"] },
    scale: { "sat-100x10": { clients: 20, senders: 5 } },
  },
  // ~2-3 min: every target once, every compare scenario, short cells, no pinning, no PostgreSQL
  quick: {
    reps: 1, warmupS: 0.3, durationS: 1.5, serverWarmupS: 0.5, pinModes: [false],
    targets: ["tandem-h2", "workerd", "partyserver", "colyseus"],
    sections: ["compare"],
  },
  // ~24 min: 3 repetitions outermost; unpinned and pinned; Tandem H2 and PostgreSQL sections
  // (the runner prints its estimate when it starts)
  full: {
    reps: 3, warmupS: 0.5, durationS: 4, serverWarmupS: 6, pinModes: [false, true],
    targets: ["tandem-h2", "tandem-pg", "workerd", "partyserver", "colyseus"],
    sections: ["compare", "tandem"],
  },
};

/** The cells of one target for one pin mode: [{scenario, variant, ...scenario}] in run order. */
export function cellsFor(profile, target, pinned, variantsOf) {
  const out = [];
  const variants = profile.variants?.[target] ?? Object.keys(variantsOf(target));
  for (const [name, sc] of Object.entries(scenarios)) {
    if (profile.cells) {
      if (!(profile.cells[target] || []).includes(name)) continue;
    } else {
      const inCompare = sc.sections.includes("compare") && profile.sections.includes("compare") && compareTargets.includes(target);
      const inTandem = sc.sections.includes("tandem") && profile.sections.includes("tandem") && tandemTargets.includes(target);
      if (!inCompare && !inTandem) continue;
    }
    // pinned runs: server on CPU 0, load generator on CPU 1; only the compare section's pinned
    // scenarios (many objects need both cores; PostgreSQL itself can't be pinned with Tandem)
    if (pinned && (!sc.pinned || !compareTargets.includes(target) || !sc.sections.includes("compare"))) continue;
    for (const v of variants) {
      if (skip(target, v, name, pinned)) continue;
      out.push({ scenario: name, variant: v, ...sc, ...(profile.scale?.[name] || {}) });
    }
  }
  return out;
}
