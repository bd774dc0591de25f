// The TypeScript client's patch applier (runtime.js applyPatch) against the conformance table
// docs/conformance/patches.json and the server's seeded random turns, both of which NodeClientTest
// puts beside this file (patches.json, random-patches.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { applyPatch, TandemError } from "./client/runtime.js";

const read = name => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));

/** JSON text with sorted keys: compares own keys only, so an own "__proto__" key counts like any other. */
function canonical(value) {
  if (Array.isArray(value)) {
    return "[" + value.map(canonical).join(",") + "]";
  }
  if (value !== null && typeof value === "object") {
    return "{" + Object.keys(value).sort().map(k => JSON.stringify(k) + ":" + canonical(value[k])).join(",") + "}";
  }
  return JSON.stringify(value);
}

for (const c of read("./patches.json").cases) {
  test(`conformance: ${c.name}`, () => {
    const before = canonical(c.before);
    const ops = c.ops || c.patch;
    if (c.fails) {
      assert.throws(() => applyPatch(c.before, ops), e => e instanceof TandemError && e.code === "bad_patch");
    } else {
      const after = applyPatch(c.before, ops);
      assert.equal(canonical(after), canonical(c.after));
      assert.deepStrictEqual(after, c.after);
      assert.equal(Object.getPrototypeOf(after), Object.prototype);
    }
    assert.equal(canonical(c.before), before, "the input is never modified");
    assert.equal(({}).polluted, undefined, "nothing reached Object.prototype");
  });
}

test("a __proto__ key added by a patch is an own key, not the object's prototype", () => {
  const after = applyPatch({ m: {} }, [{ op: "add", path: "/m/__proto__", value: { polluted: true } }]);
  assert.deepEqual(Object.keys(after.m), ["__proto__"]);
  assert.equal(Object.getPrototypeOf(after.m), Object.prototype);
  assert.equal(after.m.polluted, undefined);
});

test("the server's random turns apply back to the server's state", () => {
  const sequences = read("./random-patches.json");
  assert.ok(sequences.length > 0);
  for (const [s, turns] of sequences.entries()) {
    let state = turns[0].before;
    for (const [t, turn] of turns.entries()) {
      state = applyPatch(state, turn.ops);
      assert.equal(canonical(state), canonical(turn.after), `sequence ${s}, turn ${t}: ${JSON.stringify(turn.ops)}`);
    }
  }
});
