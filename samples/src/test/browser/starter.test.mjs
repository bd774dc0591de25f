// The starter app (samples/starter), built and started as a jar by StarterTest (JUnit): its page
// connects with the served client and calls its action, and a second window sees the change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, launch, newUser, PHONE, screenshots, url } from "./browser.mjs";

test("the starter's page connects, calls its action, and a second window sees it", async () => {
  const browser = await launch();
  try {
    const a = await newUser(browser);
    const b = await newUser(browser, PHONE);
    for (const page of [a, b]) {
      await page.goto(url + "/");
      await page.locator("#status", { hasText: /^open$/ }).waitFor();
    }
    assert.equal(await a.locator("#count").textContent(), "0", "a new app starts at 0");
    await a.locator("#add").click();
    await a.locator("#count", { hasText: /^1$/ }).waitFor();
    await b.locator("#count", { hasText: /^1$/ }).waitFor();
    await b.locator("#add").tap();
    await a.locator("#count", { hasText: /^2$/ }).waitFor();
    await b.screenshot({ path: `${screenshots}/starter-phone.png` });
    assertNoProblems(a, b);
  } finally {
    await browser.close();
  }
});
