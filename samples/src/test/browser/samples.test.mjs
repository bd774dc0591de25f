// The samples in a real browser: two independent users per test, each in its own context.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { assertNoProblems, launch, newUser, openSample, screenshots, uid, url } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the index lists the samples, and the served client module loads and connects", async () => {
  const page = await newUser(browser);
  await page.goto(url + "/");
  for (const sample of ["counter", "cursors", "tic-tac-toe", "tasks", "cards", "payment", "quiz"]) {
    assert.equal(await page.locator(`#sample-${sample}`).count(), 1, `the index lists ${sample}`);
  }
  const type = await page.evaluate(async () => {
    const client = await import("/tandem/client.js");
    const counter = await client.connect(client.Counter, "from-the-console");
    const t = client.Counter.type + ":" + counter.status;
    counter.close();
    return t;
  });
  assert.equal(type, "counter:open");
  await page.screenshot({ path: `${screenshots}/index.png`, fullPage: true });
  assertNoProblems(page);
  await page.context().close();
});

test("shared cursors: A's pointer appears in B, and disappears when A closes", async () => {
  const room = uid("cursors");
  const a = await newUser(browser);
  const b = await newUser(browser);
  await openSample(a, `/cursors.html?id=${room}`);
  await openSample(b, `/cursors.html?id=${room}`);
  const nameOfA = await a.locator("#you").textContent();
  const box = await a.locator("#canvas").boundingBox();
  await a.mouse.move(box.x + 200, box.y + 150);
  await a.mouse.move(box.x + 420, box.y + 260, { steps: 8 });
  const pointer = b.locator(".pointer");
  await pointer.waitFor();
  assert.equal(await pointer.locator(".label").textContent(), nameOfA);
  const moved = await pointer.evaluate(el => el.style.transform);
  assert.match(moved, /translate\(\d+(\.\d+)?px, \d+(\.\d+)?px\)/);
  assert.equal(await a.locator(".pointer").count(), 0, "you don't see your own pointer twice");
  await b.screenshot({ path: `${screenshots}/cursors.png` });
  await a.context().close();
  await pointer.waitFor({ state: "detached" });
  assertNoProblems(b);
  await b.context().close();
});

test("tic-tac-toe: turns are enforced by identity, moves and wins show in both windows, seats survive a reload", async () => {
  const gameId = uid("game");
  const x = await newUser(browser);
  const o = await newUser(browser);
  await openSample(x, `/tic-tac-toe.html?id=${gameId}`);
  await openSample(o, `/tic-tac-toe.html?id=${gameId}`);
  const nameOfX = await x.locator("#you").textContent();
  await x.locator("#message", { hasText: "Your turn (X)" }).waitFor();
  await o.locator("#message", { hasText: `Waiting for ${nameOfX} (X)` }).waitFor();

  await o.locator('[data-cell="0"]').click();
  await o.locator(".toast.show", { hasText: "Not your turn" }).waitFor();
  assert.equal(await o.locator('[data-cell="0"]').textContent(), "", "the out-of-turn move changed nothing");

  const play = async (page, cell, mark) => {
    await page.locator(`[data-cell="${cell}"]`).click();
    await x.locator(`[data-cell="${cell}"]`, { hasText: mark }).waitFor();
    await o.locator(`[data-cell="${cell}"]`, { hasText: mark }).waitFor();
  };
  await play(x, 4, "X");
  await o.locator('[data-cell="4"]').click();
  await o.locator(".toast.show", { hasText: "That cell is taken" }).waitFor();
  await play(o, 0, "O");
  assert.equal(await o.locator(".toast.show").count(), 0, "a successful move hides the earlier error at once");
  await play(x, 1, "X");
  await play(o, 2, "O");
  await play(x, 7, "X");
  await x.locator("#message", { hasText: "You win!" }).waitFor();
  await o.locator("#message", { hasText: `${nameOfX} (X) wins!` }).waitFor();
  for (const page of [x, o]) {
    assert.equal(await page.locator(".board button.win").count(), 3);
    for (const cell of [1, 4, 7]) {
      assert.ok(await page.locator(`[data-cell="${cell}"]`).evaluate(el => el.classList.contains("win")));
    }
  }
  await x.screenshot({ path: `${screenshots}/tic-tac-toe.png` });

  const credential = await x.evaluate(() => localStorage.getItem("tandem.session"));
  assert.match(credential, /^s1\./, "the page keeps the credential the server issued");
  await x.reload();
  await x.waitForSelector('#status[data-status="open"]');
  await x.locator(".players li.you", { hasText: "X:" }).waitFor(); // the same user: the seat is still theirs
  assert.equal(await x.evaluate(() => localStorage.getItem("tandem.session")), credential, "no new credential");
  assert.ok(!(await o.content()).includes(credential), "the other player never sees it");
  await x.locator("#rematch").click();
  await o.locator("#message", { hasText: "Your turn (X)" }).waitFor(); // players swapped marks
  assertNoProblems(x, o);
  await x.context().close();
  await o.context().close();
});

test("task board: an edit in one window shows in the other", async () => {
  const board = uid("board");
  const a = await newUser(browser);
  const b = await newUser(browser);
  await openSample(a, `/tasks.html?id=${board}`);
  await openSample(b, `/tasks.html?id=${board}`);
  await a.locator("#online li").nth(1).waitFor();
  await a.fill('input[name="title"]', "Buy milk");
  await a.press('input[name="title"]', "Enter");
  await a.locator(".task-list li", { hasText: "Buy milk" }).waitFor();
  await a.fill('input[name="title"]', "Walk the dog");
  await a.press('input[name="title"]', "Enter");
  const milkInB = b.locator(".task-list li", { hasText: "Buy milk" });
  await milkInB.waitFor();

  await milkInB.locator('[data-do="edit"]').click();
  await b.fill("input.edit", "Buy oat milk");
  await b.press("input.edit", "Enter");
  const renamedInA = a.locator(".task-list li", { hasText: "Buy oat milk" });
  await renamedInA.waitFor();

  await renamedInA.locator('input[type="checkbox"]').check();
  await b.locator(".task-list li.done", { hasText: "Buy oat milk" }).waitFor();

  const walkInB = b.locator(".task-list li", { hasText: "Walk the dog" });
  assert.equal(await walkInB.locator('[data-do="delete"]').isHidden(), true, "only the task's owner may delete it");
  await walkInB.locator('[data-do="up"]').click();
  await a.locator(".task-list li").first().filter({ hasText: "Walk the dog" }).waitFor();

  await a.locator(".task-list li", { hasText: "Buy oat milk" }).locator('[data-do="delete"]').click();
  await b.locator(".task-list li", { hasText: "Buy oat milk" }).waitFor({ state: "detached" });
  await a.fill('input[name="title"]', "   ");
  await a.press('input[name="title"]', "Enter");
  await a.locator(".toast.show", { hasText: "A task needs a title" }).waitFor();
  await b.screenshot({ path: `${screenshots}/tasks.png` });
  assertNoProblems(a, b);
  await a.context().close();
  await b.context().close();
});

test("counter: both windows share the count (checked again after a restart)", async () => {
  const room = uid("counter");
  const a = await newUser(browser);
  const b = await newUser(browser);
  await openSample(a, `/counter.html?id=${room}`);
  await openSample(b, `/counter.html?id=${room}`);
  for (let i = 1; i <= 3; i++) {
    await a.locator("#increment").click();
    await a.locator("#count", { hasText: String(i) }).waitFor();
  }
  await b.locator("#count", { hasText: "3" }).waitFor();
  await b.locator("#add10").click();
  await a.locator("#count", { hasText: "13" }).waitFor();
  await a.screenshot({ path: `${screenshots}/counter.png` });
  if (process.env.STATE_FILE) {
    writeFileSync(process.env.STATE_FILE, JSON.stringify({ counter: room, count: "13" }));
  }
  assertNoProblems(a, b);
  await a.context().close();
  await b.context().close();
});

test("counter: while the connection is down the buttons are disabled and the status says so; it comes back", async () => {
  const page = await newUser(browser);
  // every WebSocket of this page goes through Playwright, which can cut it and refuse new ones
  const sockets = new Set();
  let down = false;
  await page.routeWebSocket(/\/tandem\/ws\//, ws => {
    if (down) {
      ws.close({ code: 1011, reason: "test: network down" });
      return;
    }
    ws.connectToServer();
    sockets.add(ws);
  });
  await openSample(page, `/counter.html?id=${uid("offline")}`);
  await page.locator("#decrement").click();
  await page.locator(".toast.show", { hasText: "The count is already zero" }).waitFor();
  await page.locator("#increment").click();
  await page.locator("#count", { hasText: /^1$/ }).waitFor();
  assert.equal(await page.locator(".toast.show").count(), 0, "the success hid the earlier error at once");

  down = true;
  for (const ws of sockets) {
    await ws.close({ code: 1011, reason: "test: network down" });
  }
  await page.locator('#status[data-status="reconnecting"]', { hasText: "reconnecting…" }).waitFor();
  for (const button of ["#decrement", "#increment", "#add10", "#reset"]) {
    assert.ok(await page.locator(button).isDisabled(), `${button} is disabled while reconnecting`);
  }
  await page.screenshot({ path: `${screenshots}/counter-reconnecting.png` });

  down = false;
  await page.waitForSelector('#status[data-status="open"]', { timeout: 15000 });
  assert.equal(await page.locator("#status").textContent(), "connected");
  await page.locator("#increment").click();
  await page.locator("#count", { hasText: /^2$/ }).waitFor();
  // the refused reconnects are logged by the browser; anything else is a problem
  assertNoProblems({ problems: page.problems.filter(p => !/WebSocket connection to .* failed/.test(p)) });
  await page.context().close();
});
