// Shared setup of the browser tests: headless Debian Chromium driven by playwright-core, and
// helpers for pages. SAMPLES_URL is the server NodeBrowserTest (JUnit) started.
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const url = process.env.SAMPLES_URL;
export const screenshots = process.env.SCREENSHOTS || "target/screenshots";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not at ${executablePath}: install it (apt-get install -y chromium chromium-driver) `
        + "or set CHROMIUM to its path");
  }
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-quic", "--no-first-run"],
  });
}

/** A page in a fresh browser context: its own local storage, so its own user. */
export async function newUser(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", e => problems.push(e.message));
  page.problems = problems;
  return page;
}

/** Opens a sample page and waits until it is connected. */
export async function openSample(page, path) {
  await page.goto(url + path);
  await page.waitForSelector('#status[data-status="open"]');
}

export const uid = prefix => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
