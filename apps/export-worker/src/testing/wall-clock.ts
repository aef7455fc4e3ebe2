import { vi } from 'vitest';

/**
 * Runs `fn` with the wall clock (`Date`) set to `at`, for tests that show an output does not
 * depend on when it was made: two calls at two far-apart moments, without waiting.
 */
export async function atWallClock<T>(at: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}
