import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, nextRestart } from './restart-policy.js';
import type { RestartState } from './restart-policy.js';

describe('issue 12: restarting a process that exited unexpectedly', () => {
  it('waits 0.5 s, then doubles up to 10 s while the process keeps dying young', () => {
    let state: RestartState = { streak: 0 };
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const next = nextRestart(DEFAULT_RESTART_POLICY, state, 1_000);
      delays.push(next.delayMs);
      state = next.state;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('starts over at 0.5 s after a healthy minute', () => {
    const afterStreak = nextRestart(DEFAULT_RESTART_POLICY, { streak: 6 }, 60_000);
    expect(afterStreak).toEqual({ delayMs: 500, state: { streak: 1 } });
    expect(nextRestart(DEFAULT_RESTART_POLICY, { streak: 6 }, 59_999).delayMs).toBe(10_000);
  });
});
