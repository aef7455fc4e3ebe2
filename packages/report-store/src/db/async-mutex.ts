/** A first-come-first-served lock for async work within this process. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

const byKey = new Map<string, AsyncMutex>();

/**
 * The mutex for a key (an absolute database file path). Two connections to one SQLite file in
 * one process must not both wait for its write lock: better-sqlite3 waits synchronously, so the
 * waiting one would block the event loop the holder needs to finish. Writers of the same file
 * in this process therefore queue here, and busy_timeout only ever waits for other processes.
 */
export function mutexFor(key: string): AsyncMutex {
  let mutex = byKey.get(key);
  if (mutex === undefined) {
    mutex = new AsyncMutex();
    byKey.set(key, mutex);
  }
  return mutex;
}
