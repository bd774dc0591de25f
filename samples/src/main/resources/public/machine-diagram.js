// Draws a live object's state machine (the "machine" of its model document, MODEL.md) as a small
// SVG, with the current state highlighted and the ways out of it labelled. No library: states are
// placed in columns by their distance from the initial state (rows on a narrow screen).

const SVG = "http://www.w3.org/2000/svg";
const W = 132, H = 36, GAP_X = 64, GAP_Y = 14;

/** "AWAITING_APPROVAL" → "Awaiting approval". */
export const label = state => state.charAt(0) + state.slice(1).toLowerCase().replaceAll("_", " ");

/** Every edge of the machine, actions and timers alike: { from, to, name, timed }. Self-loops are left out. */
function edges(machine) {
  const all = [];
  for (const t of machine.transitions) {
    t.from.forEach(from => t.to.forEach(to => from !== to && all.push({ from, to, name: t.action, timed: false })));
  }
  for (const t of machine.timed) {
    t.from.forEach(from => t.to.forEach(to => from !== to && all.push({ from, to, name: t.timer, timed: true })));
  }
  return all;
}

/** Each state's rank: the longest path to it from the initial state (states never reached go last). */
function ranks(machine, all) {
  const rank = { [machine.initial]: 0 };
  for (let pass = 0; pass < machine.states.length; pass++) {
    for (const e of all) {
      if (rank[e.from] !== undefined && (rank[e.to] ?? -1) < rank[e.from] + 1 && e.to !== machine.initial) {
        rank[e.to] = rank[e.from] + 1;
      }
    }
  }
  const last = Math.max(0, ...Object.values(rank));
  machine.states.forEach(s => { rank[s] ??= last; });
  return rank;
}

function el(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * Renders the machine into the container, highlighting `current`.
 *
 * @param vertical rows instead of columns (for phones)
 */
export function drawMachine(container, machine, current, vertical = false) {
  const all = edges(machine);
  const rank = ranks(machine, all);
  const columns = [];
  machine.states.forEach(s => (columns[rank[s]] ??= []).push(s));
  const w = vertical ? 112 : W, gapX = vertical ? 10 : GAP_X, gapY = vertical ? 46 : GAP_Y;
  const across = Math.max(...columns.map(c => c.length));
  const pos = {};
  columns.forEach((states, i) => states.forEach((s, j) => {
    const offset = (across - states.length) / 2 + j;
    pos[s] = vertical ? { x: offset * (w + gapX), y: i * (H + gapY) } : { x: i * (w + gapX), y: offset * (H + gapY) };
  }));
  const width = vertical ? across * (w + gapX) - gapX : columns.length * (w + gapX) - gapX;
  const height = vertical ? columns.length * (H + gapY) - gapY : across * (H + gapY) - gapY;
  const svg = el("svg", { viewBox: `-4 -4 ${width + 8} ${height + 8}`, role: "img",
    "aria-label": `State machine, now in ${label(current || machine.initial)}` });
  svg.append(el("defs", {}));
  svg.firstChild.innerHTML = `<marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="context-stroke"/></marker>`;
  const outgoing = all.filter(e => e.from === current);
  for (const e of [...all.filter(e => e.from !== current), ...outgoing]) {
    const a = pos[e.from], b = pos[e.to];
    const [x1, y1, x2, y2] = vertical ? [a.x + w / 2, a.y + H, b.x + w / 2, b.y] : [a.x + w, a.y + H / 2, b.x, b.y + H / 2];
    // an edge that skips a column bows around the states in between instead of crossing them
    const skip = rank[e.to] - rank[e.from] > 1;
    const side = b.y + (vertical ? 0 : H / 2) < a.y + (vertical ? 0 : H / 2) || (vertical && b.x < a.x) ? -1 : 1;
    const d = vertical
        ? (skip ? `M${x1},${y1} C${x1 + side * (w / 2 + 20)},${y1 + 30} ${x2},${y2 - 50} ${x2},${y2 - 2}`
            : `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2 - 2}`)
        : (skip ? `M${x1},${y1} C${x1 + 40},${y1 + side * (H + 24)} ${x2 - 60},${y2} ${x2 - 2},${y2}`
            : `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2 - 2},${y2}`);
    const out = e.from === current;
    svg.append(el("path", { d, class: `edge${out ? " out" : ""}${e.timed ? " timed" : ""}`, "marker-end": "url(#arrow)" }));
  }
  for (const s of machine.states) {
    const p = pos[s];
    const g = el("g", { class: `state${s === current ? " current" : ""}${machine.terminal.includes(s) ? " terminal" : ""}`,
      "data-state": s });
    g.append(el("rect", { x: p.x, y: p.y, width: w, height: H, rx: 10 }));
    g.append(el("text", { x: p.x + w / 2, y: p.y + H / 2 + 4, "text-anchor": "middle" }, label(s)));
    svg.append(g);
  }
  container.replaceChildren(svg);
  const ways = outgoing.map(e => `${e.name}${e.timed ? " (timer)" : ""} → ${label(e.to)}`);
  return [...new Set(ways)];
}
