// The samples on a phone (390x844, touch): no page scrolls sideways, the main controls are on the
// screen and can be tapped. Screenshots land in phone-*.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, launch, newUser, openSample, PHONE, screenshots, uid, url } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Fails unless the page fits the phone's width and every control matched by selectors is on screen and tappable. */
async function assertFitsPhone(page, name, selectors) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.equal(innerWidth, PHONE.viewport.width, `${name}: the page is laid out for the phone's width`);
  assert.ok(scrollWidth <= innerWidth, `${name}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen`);
  for (const selector of selectors) {
    const controls = page.locator(selector);
    const count = await controls.count();
    assert.ok(count > 0, `${name}: ${selector} is on the page`);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= innerWidth,
        `${name}: ${selector} #${i} is inside the screen's width: ${JSON.stringify(box)}`);
      await control.tap({ trial: true, timeout: 3000 }); // visible, enabled, and not covered by anything
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshots}/phone-${name}.png` });
}

test("index on a phone", async () => {
  const page = await newUser(browser, PHONE);
  await page.goto(url + "/");
  await assertFitsPhone(page, "index", [".sample"]);
  assertNoProblems(page);
  await page.context().close();
});

test("counter on a phone", async () => {
  const page = await newUser(browser, PHONE);
  await openSample(page, `/counter.html?id=${uid("phone")}`);
  await assertFitsPhone(page, "counter", ["#decrement", "#increment", "#add10", "#reset", "#room button"]);
  await page.locator("#increment").tap();
  await page.locator("#count", { hasText: /^1$/ }).waitFor();
  assertNoProblems(page);
  await page.context().close();
});

test("shared cursors on a phone", async () => {
  const page = await newUser(browser, PHONE);
  await openSample(page, `/cursors.html?id=${uid("phone")}`);
  await assertFitsPhone(page, "cursors", ["#canvas", "#room button"]);
  assertNoProblems(page);
  await page.context().close();
});

test("tic-tac-toe on a phone, with two players", async () => {
  const gameId = uid("phone-game");
  const x = await newUser(browser, PHONE);
  const o = await newUser(browser, PHONE);
  await openSample(x, `/tic-tac-toe.html?id=${gameId}`);
  await openSample(o, `/tic-tac-toe.html?id=${gameId}`);
  await x.locator("#message", { hasText: "Your turn" }).waitFor();
  await x.locator('[data-cell="4"]').tap();
  await o.locator('[data-cell="4"]', { hasText: "X" }).waitFor();
  await assertFitsPhone(o, "tic-tac-toe", ["[data-cell]", "#new-game", "#room button"]);
  assertNoProblems(x, o);
  await x.context().close();
  await o.context().close();
});

test("task board on a phone, with tasks", async () => {
  const page = await newUser(browser, PHONE);
  await openSample(page, `/tasks.html?id=${uid("phone-board")}`);
  for (const title of ["Buy milk", "Walk the dog and then a long title that has to wrap on a phone"]) {
    await page.fill('input[name="title"]', title);
    await page.locator("#add button").tap();
    await page.locator(".task-list li", { hasText: title }).waitFor();
  }
  await assertFitsPhone(page, "tasks", ['input[name="title"]', "#add button", '.task-list input[type="checkbox"]',
    ".task-list button:not([disabled])"]);
  assertNoProblems(page);
  await page.context().close();
});
