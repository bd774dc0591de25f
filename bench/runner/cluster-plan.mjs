// The cluster benchmark's plan: its loads, where their clients connect, and its warm-up. Kept
// apart from the runner (cluster.mjs) so the report (cluster-report.mjs) can name and order rows.
//
// Placements: "single" (one server, cluster off), "owner" (every client on the server that owns the
// instance), "other" (every client on one server that does not own it: each call and each frame
// crosses to the owner and back), "spread" (client i on server i % 3, the owner first).
export const loads = {
  "sat-1": { objects: 1, clients: 1, senders: 1, mode: "saturate", window: 32,
    what: "1 client, 32 calls in flight", placements: ["single", "owner", "other"] },
  "pingpong-1": { objects: 1, clients: 1, senders: 1, mode: "pingpong",
    what: "1 client, 1 call in flight (latency)", placements: ["single", "owner", "other"] },
  "fanout-30x10": { objects: 1, clients: 30, senders: 10, mode: "saturate", window: 8,
    what: "30 clients watching one instance, 10 of them sending 8 in flight each",
    placements: ["single", "owner", "spread", "other"] },
};

export const placementText = {
  single: "one server, cluster off (the cluster's three JVMs idle beside it)",
  owner: "3-node cluster, clients on the owner (the single server idle)",
  other: "3-node cluster, clients on a non-owner",
  spread: "3-node cluster, clients spread over the 3 nodes (10 each; senders 4 on the owner, 3 + 3 elsewhere)",
};

/**
 * The warm-up, not recorded: the same loads for the single server and for the cluster (there
 * through every node, on three instances, so every node runs both the client side and the owner
 * side of the hop).
 */
export const warmups = [
  { objects: 3, clients: 6, senders: 6, mode: "saturate", window: 8 },
  { objects: 3, clients: 3, senders: 3, mode: "pingpong" },
  { objects: 1, clients: 30, senders: 1, mode: "saturate", window: 32 },
];

/**
 * The cells of one repetition, every placement: grouped by load, so each single-server cell runs
 * next to its cluster counterparts, and rotated per repetition so drift spreads over all of them.
 */
export function cellsOf(rep) {
  const out = [];
  for (const [name, load] of Object.entries(loads)) {
    for (const placement of load.placements) out.push({ load: name, placement, ...load });
  }
  const k = ((rep - 1) * 3) % out.length;
  return [...out.slice(k), ...out.slice(0, k)];
}
