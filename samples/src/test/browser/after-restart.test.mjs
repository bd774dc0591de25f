// Runs after NodeBrowserTest restarted the server on the same data folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, newUser, openSample, screenshots } from "./browser.mjs";

test("the counter survives a server restart", async () => {
  const { counter, count } = JSON.parse(readFileSync(process.env.STATE_FILE, "utf8"));
  const browser = await launch();
  try {
    const page = await newUser(browser);
    await openSample(page, `/counter.html?id=${counter}`);
    await page.locator("#count", { hasText: count }).waitFor();
    assert.equal(await page.locator("#count").textContent(), count);
    await page.screenshot({ path: `${screenshots}/counter-after-restart.png` });
  } finally {
    await browser.close();
  }
});
