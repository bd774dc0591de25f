// Helpers shared by the Node end-to-end tests.

/** @returns a unique instance ID starting with prefix */
export const uid = prefix => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** Waits until condition() holds, checking every 10 ms; fails naming what it waited for after ms. */
export async function waitFor(condition, what, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise(r => setTimeout(r, 10));
  }
}
