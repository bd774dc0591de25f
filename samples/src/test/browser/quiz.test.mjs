// The live quiz in a real browser: three players (two desktops, one phone) play two categories to
// the final ranking; the phone reloads mid-question and keeps its score; no score moves before a
// recap; every WebSocket frame a player receives before the first recap is free of the right
// answer, of the others' answers and of any score change.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, launch, newUser, PHONE, screenshots, url } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Records the text of every WebSocket frame the page receives, across reloads. */
function recordFrames(page) {
  const frames = [];
  page.on("websocket", ws => ws.on("framereceived", f => frames.push(String(f.payload))));
  return frames;
}

/** The frames before the first one that moves the game to its recap (frames arrive in order). */
function beforeRecap(frames) {
  const recap = frames.findIndex(f => f.includes('"RECAP"'));
  assert.ok(recap > 0, "a frame moved the game to the recap");
  return frames.slice(0, recap);
}

const connected = page => page.waitForSelector('#status[data-status="open"]');
const phase = (page, name) => page.locator(`#stage[data-phase="${name}"]`).waitFor();

async function join(page, link, name) {
  await page.goto(link);
  await connected(page);
  await page.fill("#join input[name=name]", name);
  await page.click("#join-button");
  await page.locator("#players li.you", { hasText: name }).waitFor();
}

/** Waits until question n (1-based) is open on the page. */
async function question(page, n) {
  await phase(page, "QUESTION");
  await page.locator("#q-number", { hasText: `Question ${n} of 6` }).waitFor();
}

async function type(page, text) {
  await page.fill("#text-answer input", text);
  await page.click("#text-answer button");
  await page.locator("#my-answer", { hasText: "Your answer: " + text }).waitFor({ state: "attached" });
}

async function pick(page, ...options) {
  for (const option of options) {
    await page.click(`#options [data-option="${option}"]`);
  }
  if (await page.locator("#submit-picks").isVisible()) {
    await page.click("#submit-picks");
  }
  await page.locator("#my-answer", { hasText: "Your answer: " + options.join(", ") }).waitFor({ state: "attached" });
}

/** Fails unless the page fits the phone's width and each control matched by selector is on screen and tappable. */
async function fitsPhone(page, selector) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide on a ${innerWidth} px screen`);
  const controls = page.locator(selector);
  assert.ok(await controls.count() > 0, `${selector} is on the page`);
  for (let i = 0; i < await controls.count(); i++) {
    await controls.nth(i).scrollIntoViewIfNeeded();
    const box = await controls.nth(i).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= innerWidth && box.height >= 40, `${selector} #${i}: ${JSON.stringify(box)}`);
    await controls.nth(i).tap({ trial: true, timeout: 3000 }); // visible, enabled, not covered
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

const score = (page, name) => page.locator("#players li", { hasText: name }).locator(".score").textContent();

test("quiz: three players play to the final ranking; a reload keeps the score; no answer leaks early", async () => {
  const ann = await newUser(browser);
  const bob = await newUser(browser);
  const cat = await newUser(browser, PHONE);
  const framesOf = { ann: recordFrames(ann), bob: recordFrames(bob), cat: recordFrames(cat) };

  // Ann creates a room and hosts; the others come through the shared link.
  await ann.goto(url + "/quiz.html");
  await ann.click("#create-room");
  await ann.waitForURL(/\?id=quiz-/);
  await connected(ann);
  const link = await ann.inputValue("#share-link");
  assert.match(link, /\/quiz\.html\?id=quiz-/);
  await join(ann, link, "Ann");
  await ann.locator("#players li", { hasText: "Ann (you)" }).locator(".tag", { hasText: "host" }).waitFor();
  await ann.selectOption("#settings select[name=categories]", "2");
  await join(bob, link, "Bob");
  await join(cat, link, "Cat");
  assert.equal(await bob.locator("#settings").isVisible(), false, "only the host sees the settings");
  await bob.locator("#lobby-hint", { hasText: "Waiting for" }).waitFor();
  await ann.screenshot({ path: `${screenshots}/quiz-lobby.png` });
  for (const p of [ann, bob, cat]) {
    await p.click("#ready");
  }
  await phase(cat, "COUNTDOWN");
  await cat.locator("#countdown-title", { hasText: "Category 1 of 2: Geography" }).waitFor();

  // Geography 1, free text: Ann and Cat are right, Bob is not.
  for (const p of [ann, bob, cat]) {
    await question(p, 1);
  }
  await type(bob, "Atlantis");
  await ann.locator("#players li", { hasText: "Bob" }).locator(".answered").waitFor(); // who answered, not what
  await ann.screenshot({ path: `${screenshots}/quiz-desktop.png` });
  await type(ann, "Tenochtitlan");
  await cat.screenshot({ path: `${screenshots}/quiz-phone.png` });
  await type(cat, "tenochtitlán");

  // Geography 2, single choice: Cat reloads before answering, and comes back to the open question.
  // Cat was right, but no score moves before the recap: that would tell everyone who was right.
  await question(cat, 2);
  assert.equal(await score(cat, "Cat"), "0");
  assert.equal(await score(cat, "Ann"), "0");
  await ann.click('#options [data-option="Volga"]');
  await cat.reload();
  await connected(cat);
  await question(cat, 2);
  assert.equal(await score(cat, "Cat"), "0", "the score came back after the reload");
  assert.equal(await cat.locator("#players li", { hasText: "Ann" }).locator(".answered").count(), 1);
  await fitsPhone(cat, "#options .option");
  await pick(cat, "Volga");
  await question(bob, 2);
  await pick(bob, "Danube");

  // Geography 3, multiple choice: partial credit.
  await question(ann, 3);
  await pick(ann, "Bolivia", "Paraguay", "Mongolia");
  await question(bob, 3);
  await pick(bob, "Bolivia", "Peru"); // one right, one wrong: 0
  await question(cat, 3);
  await pick(cat, "Bolivia", "Paraguay"); // two of three right: 10 of 15

  // The recap: right answers, everyone's answers; two votes overturn Bob's free-text mark.
  for (const p of [ann, bob, cat]) {
    await phase(p, "RECAP");
  }
  await bob.locator(".solution", { hasText: "Tenochtitlan" }).waitFor();
  await bob.locator('.answers li[data-user]', { hasText: "tenochtitlán" }).waitFor();
  assert.equal(await score(ann, "Ann"), "35");
  assert.equal(await score(ann, "Cat"), "30");
  assert.equal(await score(ann, "Bob"), "0");
  const bobsText = p => p.locator(".reveal").first().locator("li", { hasText: "Atlantis" });
  await bobsText(ann).locator("button", { hasText: "Right" }).click();
  await bobsText(cat).locator("button", { hasText: "Right" }).click();
  await bobsText(bob).locator(".tag", { hasText: "by vote" }).waitFor();
  await bob.locator("#players li", { hasText: "Bob" }).locator(".score", { hasText: "10" }).waitFor();
  assert.equal(await bobsText(bob).locator("button").count(), 0, "nobody votes on their own answer");
  assert.equal(await bob.locator("#next").isVisible(), false, "only the host moves on");
  await fitsPhone(cat, ".vote");
  await ann.screenshot({ path: `${screenshots}/quiz-recap.png`, fullPage: true });
  await cat.screenshot({ path: `${screenshots}/quiz-phone-recap.png`, fullPage: true });

  // No frame before the recap carried a right answer, a solution, or another player's answer.
  const early = Object.fromEntries(Object.entries(framesOf).map(([who, frames]) => [who, beforeRecap(frames)]));
  for (const [who, frames] of Object.entries(early)) {
    assert.ok(frames.length > 5, `${who}'s frames were recorded`);
    assert.equal(frames.some(f => f.includes('"solution"')), false, `a frame sent to ${who} carries a solution`);
    const playing = frames.slice(frames.findIndex(f => f.includes('"COUNTDOWN"')));
    assert.equal(playing.some(f => f.includes('"/scores')), false, `a frame sent to ${who} changes a score before the recap`);
  }
  for (const who of ["bob"]) {
    assert.equal(early[who].some(f => /tenochtitl/i.test(f)), false, `a frame sent to ${who} carries the right answer`);
  }
  for (const who of ["ann", "cat"]) {
    assert.equal(early[who].some(f => f.includes("Atlantis")), false, `a frame sent to ${who} carries Bob's answer`);
  }
  assert.equal(early.ann.some(f => f.includes("tenochtitlán")), false, "a frame sent to Ann carries Cat's answer");
  assert.ok(framesOf.bob.some(f => /tenochtitl/i.test(f)), "the recap did reach Bob");

  // Science, then the final ranking. Cat reloads again and keeps the score the recap gave her.
  await ann.click("#next");
  await phase(bob, "COUNTDOWN");
  await bob.locator("#countdown-title", { hasText: "Science" }).waitFor();
  await question(ann, 4);
  await pick(ann, "Jupiter");
  await question(bob, 4);
  await pick(bob, "Jupiter");
  await question(cat, 4);
  await cat.reload();
  await connected(cat);
  await question(cat, 4);
  assert.equal(await score(cat, "Cat"), "30", "the score came back after the reload");
  await pick(cat, "Mars");
  await question(ann, 5);
  await pick(ann, "Neon", "Argon", "Xenon");
  await question(bob, 5);
  await pick(bob, "Neon");
  await question(cat, 5);
  await pick(cat, "Neon", "Argon", "Xenon");
  for (const [p, text] of [[ann, "Iron"], [bob, "iron"], [cat, "Iron"]]) {
    await question(p, 6);
    await type(p, text);
  }
  await phase(ann, "RECAP");
  await ann.locator("#next", { hasText: "Final ranking" }).click();
  for (const p of [ann, bob, cat]) {
    await phase(p, "FINAL");
    await p.locator("#ranking li").nth(2).waitFor();
  }
  const ranking = await cat.locator("#ranking li").allTextContents();
  assert.deepEqual(ranking.map(r => r.replace(/\s+/g, " ")), ["1Ann70 pts", "2Cat55 pts", "3Bob35 pts"]);
  assert.equal(await cat.locator("#restart").isVisible(), false);
  await ann.screenshot({ path: `${screenshots}/quiz-final.png` });
  await cat.screenshot({ path: `${screenshots}/quiz-phone-final.png` });
  assertNoProblems(ann, bob, cat);
  for (const p of [ann, bob, cat]) {
    await p.context().close();
  }
});
