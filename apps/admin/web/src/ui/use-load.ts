import { useEffect } from 'react';

/**
 * Runs `load` when the screen opens and again when `load` or `key` changes, handing the answer to
 * `show` and a failure to `fail`. An answer that arrives after a newer run started, or after the
 * screen closed, is dropped: a slow old request never overwrites a newer one.
 * `load` and `show` must be stable (useCallback).
 */
export function useLoad<T>(
  load: () => Promise<T>,
  show: (value: T) => void,
  fail: (error: unknown) => void,
  key?: unknown,
): void {
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) show(value);
      },
      (error: unknown) => {
        if (live) fail(error);
      },
    );
    return () => {
      live = false;
    };
  }, [load, show, fail, key]);
}
