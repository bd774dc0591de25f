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

/** A phone-sized context: 390 px wide, like an iPhone 12 to 15, with touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * A page in a fresh browser context: its own local storage, so its own user. Its console errors and
 * warnings and its uncaught errors are collected in page.problems (see assertNoProblems).
 *
 * @param options browser context options, such as PHONE; a 1280x800 desktop window by default
 */
export async function newUser(browser, options = { viewport: { width: 1280, height: 800 } }) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", e => problems.push(`uncaught: ${e.message}`));
  page.on("console", m => {
    if (m.type() === "error" || m.type() === "warning") {
      problems.push(`console ${m.type()}: ${m.text()} (${m.location().url || "?"})`);
    }
  });
  page.problems = problems;
  return page;
}

/** Fails if any of the pages logged a console error or warning or threw an uncaught error. */
export function assertNoProblems(...pages) {
  const problems = pages.flatMap(p => p.problems);
  if (problems.length > 0) {
    throw new Error("the page logged problems:\n  " + problems.join("\n  "));
  }
}

/** Opens a sample page and waits until it is connected. */
export async function openSample(page, path) {
  await page.goto(url + path);
  await page.waitForSelector('#status[data-status="open"]');
}

export const uid = prefix => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
