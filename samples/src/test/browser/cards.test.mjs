// The card table in a real browser: two users, each in its own browser context, each sees only its
// own hand, on the page and in every WebSocket frame the browser receives.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, launch, newUser, openSample, screenshots, uid, url } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Records the text of every WebSocket frame the page receives. */
function recordFrames(page) {
  const frames = [];
  page.on("websocket", ws => ws.on("framereceived", f => frames.push(String(f.payload))));
  return frames;
}

const handOf = async page => page.locator("#hand .playing-card").evaluateAll(cards => cards.map(c => c.dataset.card));

test("cards: each player sees only their own hand; a played card shows to both", async () => {
  const table = uid("table");
  const a = await newUser(browser);
  const b = await newUser(browser);
  const framesOfA = recordFrames(a);
  const framesOfB = recordFrames(b);
  await openSample(a, `/cards.html?id=${table}`);
  await openSample(b, `/cards.html?id=${table}`);
  await a.locator("#players li").nth(1).waitFor();
  await a.locator("#hand .playing-card").nth(4).waitFor();
  await b.locator("#hand .playing-card").nth(4).waitFor();
  const handA = await handOf(a);
  const handB = await handOf(b);
  assert.equal(handA.length, 5);
  assert.equal(handB.length, 5);
  assert.equal(handA.filter(c => handB.includes(c)).length, 0, "two hands from one deck share no card");
  await b.locator("#players li", { hasText: "5 cards" }).nth(1).waitFor(); // sizes are public

  await a.locator("#message", { hasText: "Your turn" }).waitFor();
  const played = handA[0];
  await a.locator(`#hand [data-card="${played}"]`).click();
  await b.locator("#top", { hasText: played }).waitFor();
  await a.locator("#hand .playing-card").nth(3).waitFor();
  assert.equal((await handOf(a)).length, 4);
  assert.deepEqual(await handOf(b), handB, "b's hand did not change");
  await b.locator("#message", { hasText: "Your turn" }).waitFor();
  await b.locator("#draw").click();
  await b.locator("#hand .playing-card").nth(5).waitFor();
  const drawn = (await handOf(b)).find(c => !handB.includes(c));
  await a.locator("#message", { hasText: "Your turn" }).waitFor();
  await a.screenshot({ path: `${screenshots}/cards.png` });

  const secretsOfA = handA.filter(c => c !== played);
  for (const card of secretsOfA) {
    assert.equal((await b.content()).includes(`data-card="${card}"`), false);
    assert.equal(framesOfB.some(f => f.includes(`"${card}"`)), false, `a frame sent to b carries a's ${card}`);
  }
  for (const card of [...handB, drawn]) {
    assert.equal(framesOfA.some(f => f.includes(`"${card}"`)), false, `a frame sent to a carries b's ${card}`);
  }
  assert.ok(framesOfB.some(f => f.includes(`"${played}"`)), "the played card reached b");
  assert.ok(framesOfA.length > 0 && framesOfB.length > 0, "frames were recorded");
  assertNoProblems(a, b);
  await a.context().close();
  await b.context().close();
});
