/** A clock tests move by hand, for leases, backoff and session expiry. */
export function manualClock(start = '2026-03-01T08:00:00.000Z'): {
  now: () => Date;
  advance: (ms: number) => void;
} {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}
