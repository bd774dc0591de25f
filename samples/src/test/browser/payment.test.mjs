// The payment approval sample in a real browser, with several people at once, each in their own
// browser context and signed in with a demo account (a JWT cookie the server set): a requester and
// an approver decide payments, a large one needs an admin too, a payment expires, and a window that
// missed an update is refused with the allowed actions.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, launch, newUser, PHONE, screenshots, url } from "./browser.mjs";

const expiringUrl = process.env.EXPIRING_URL;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A new browser context signed in as a demo account, on the payment page of the server at base. */
async function signedIn(username, options, base = url) {
  const page = await newUser(browser, options);
  await page.goto(base + "/payment.html");
  await page.locator("#account").selectOption(username);
  await page.locator('#sign-in-form [name="password"]').fill("tandem-demo");
  await Promise.all([page.waitForNavigation(), page.locator("#sign-in-form button").click()]);
  await page.locator("#who", { hasText: username[0].toUpperCase() + username.slice(1) }).waitFor();
  return page;
}

/** Submits a new payment from the requester's page; returns its URL. */
async function create(page, amount, description) {
  await page.locator('#new-form [name="amount"]').fill(amount);
  await page.locator('#new-form [name="description"]').fill(description);
  await Promise.all([page.waitForURL(/\?id=pay-/), page.locator("#submit").click()]);
  await page.locator('#status[data-status="open"]').waitFor();
  await page.locator("#state", { hasText: "Awaiting approval" }).waitFor();
  return page.url();
}

async function open(page, link) {
  await page.goto(link);
  await page.locator('#status[data-status="open"]').waitFor();
}

const logOf = page => page.locator("#log li").evaluateAll(items => items.map(li => li.innerText.replace(/\s+/g, " ")));

test("payment: a requester submits, an approver approves, both see every step live", async () => {
  const riley = await signedIn("riley");
  const avery = await signedIn("avery");
  const link = await create(riley, "120.50", "Team lunch");
  assert.match(link, /\?id=pay-[a-z0-9]{16}$/, "a long random ID, not a guessable one");

  // An anonymous visitor with the link sees a sign-in prompt and never connects to the payment.
  const stranger = await newUser(browser);
  const sockets = [];
  stranger.on("websocket", ws => sockets.push(ws.url()));
  await stranger.goto(link);
  await stranger.locator("#signed-out", { hasText: "Sign in to see or create payments" }).waitFor();
  assert.equal(await stranger.locator("#payment").isHidden(), true);
  assert.deepEqual(sockets, [], "no WebSocket before sign-in");
  await stranger.context().close();
  assert.equal(await riley.locator("#approve").isDisabled(), true, "a requester can't approve their own payment");
  assert.equal(await riley.locator("#cancel").isEnabled(), true);
  await riley.locator("#countdown", { hasText: /Expires in [12]:\d\d/ }).waitFor();
  await riley.locator('#diagram [data-state="AWAITING_APPROVAL"].current').waitFor();

  await open(avery, link);
  assert.equal(await avery.locator("#amount").innerText(), "120.50 EUR");
  assert.equal(await avery.locator("#cancel").isDisabled(), true, "only the requester cancels");
  await avery.locator("#approve").click();
  for (const page of [riley, avery]) {
    await page.locator("#state", { hasText: "Approved" }).waitFor();
    await page.locator('#diagram [data-state="APPROVED"].current').waitFor();
    assert.equal(await page.locator("#approve").isHidden(), true, "a final state offers no action");
    assert.equal(await page.locator("#countdown").isHidden(), true);
  }
  const log = await logOf(riley);
  assert.equal(log.length, 2);
  assert.match(log[0], /^Submitted by Riley \(requester\) \d\d:\d\d:\d\d$/);
  assert.match(log[1], /^Approved by Avery \(approver\) \d\d:\d\d:\d\d$/);
  assert.match(await riley.locator("#mermaid").textContent(), /^stateDiagram-v2\n\s+\[\*\] --> DRAFT/);
  await riley.screenshot({ path: `${screenshots}/payment-desktop.png`, fullPage: true });
  assertNoProblems(riley, avery);
  await riley.context().close();
  await avery.context().close();
});

test("payment: a large amount needs an admin after the approver; on a phone too", async () => {
  const riley = await signedIn("riley", PHONE);
  const avery = await signedIn("avery");
  const adele = await signedIn("adele");
  const link = await create(riley, "25000", "New laptops for the team");
  await open(avery, link);
  await open(adele, link);
  await avery.locator("#approve").click();
  for (const page of [riley, avery, adele]) {
    await page.locator("#state", { hasText: "Awaiting admin" }).waitFor();
  }
  assert.equal(await avery.locator("#approve").isDisabled(), true, "the approver can't give the admin's approval");
  assert.equal(await adele.locator("#approve").isEnabled(), true);
  assert.equal(await riley.locator("#cancel").isEnabled(), true, "the requester may still withdraw it");
  await riley.screenshot({ path: `${screenshots}/payment-phone.png`, fullPage: true });
  const width = await riley.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `nothing is wider than the phone (${width} px)`);
  await adele.screenshot({ path: `${screenshots}/payment-large-desktop.png`, fullPage: true });
  await adele.locator("#approve").click();
  await riley.locator("#state", { hasText: "Approved" }).waitFor();
  assert.match((await logOf(riley))[2], /^Approved by Adele \(admin\) .* second approval$/);
  assertNoProblems(riley, avery, adele);
  for (const page of [riley, avery, adele]) {
    await page.context().close();
  }
});

test("payment: a window that missed the update is refused with the allowed actions", async () => {
  const riley = await signedIn("riley");
  const avery = await signedIn("avery");
  let holding = true;
  const held = [];
  let release;
  // avery's socket goes through this relay, which holds back the server's patches (as a slow network
  // would) but lets the answers to her calls through
  await avery.routeWebSocket(/\/tandem\//, ws => {
    const server = ws.connectToServer();
    ws.onMessage(m => server.send(m));
    release = () => held.splice(0).forEach(m => ws.send(m));
    server.onMessage(m => {
      if (holding && String(m).includes('"type":"patch"')) {
        held.push(m);
      } else {
        ws.send(m);
      }
    });
  });
  const link = await create(riley, "80", "Conference ticket");
  await open(avery, link);
  await avery.locator("#approve:enabled").waitFor();
  await riley.locator("#cancel").click();
  await riley.locator("#state", { hasText: "Cancelled" }).waitFor();
  for (let i = 0; held.length === 0 && i < 100; i++) {
    await avery.waitForTimeout(50); // bounded: the patch reaches the relay within 5 s
  }
  assert.ok(held.length > 0, "the relay held the cancellation back");
  assert.equal(await avery.locator("#state").innerText(), "Awaiting approval", "avery's window is stale");
  await avery.locator("#approve").click();
  await avery.locator(".toast.show", { hasText: "Refused: this payment is Cancelled now; allowed: nothing" }).waitFor();
  holding = false;
  release(); // the network catches up: the page shows what the server already knew
  await avery.locator("#state", { hasText: "Cancelled" }).waitFor();
  assert.equal((await logOf(avery)).length, 2, "submitted and cancelled, no approval");
  await riley.context().close();
  await avery.context().close();
});

test("payment: an undecided payment expires on every screen", async () => {
  const riley = await signedIn("riley", undefined, expiringUrl);
  const avery = await signedIn("avery", undefined, expiringUrl);
  const link = await create(riley, "42", "Taxi to the airport");
  await open(avery, link);
  await avery.locator("#countdown", { hasText: /Expires in 0:0[0-4]/ }).waitFor();
  for (const page of [riley, avery]) {
    await page.locator("#state", { hasText: "Expired" }).waitFor({ timeout: 15000 });
    await page.locator('#log li[data-what="expired"]', { hasText: "by the timer" }).waitFor();
    assert.equal(await page.locator("#approve").isHidden(), true);
  }
  assertNoProblems(riley, avery);
  await riley.context().close();
  await avery.context().close();
});
