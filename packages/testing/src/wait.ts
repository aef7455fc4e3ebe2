import { setTimeout as delay } from 'node:timers/promises';

/** Not there yet: `check` returns one of these to be asked again. */
type NotYet = undefined | null | false;

/**
 * Asks `check` until it returns a value (not undefined, null or false) and returns that value.
 * A throwing check counts as "not yet" (a server still starting refuses connections); after
 * `timeoutMs` it fails, naming `what` and the last error.
 */
export async function waitUntil<T>(
  what: string | (() => string),
  check: () => T | NotYet | Promise<T | NotYet>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const name = typeof what === 'string' ? what : what();
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out waiting for ${name}${why}`);
    }
    await delay(intervalMs);
  }
}
