/**
 * When to start a process again after it exited unexpectedly (issue 12: one process exiting used
 * to stop all three). The first restart waits `initialMs`, each further one twice as long up to
 * `maxMs`; a process that ran `healthyMs` before exiting starts over from `initialMs`.
 */
export interface RestartPolicy {
  initialMs: number;
  maxMs: number;
  healthyMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialMs: 500,
  maxMs: 10_000,
  healthyMs: 60_000,
};

export interface RestartState {
  /** Restarts in a row without a healthy run in between. */
  streak: number;
}

/** The delay before the next start, and the state after it. */
export function nextRestart(
  policy: RestartPolicy,
  state: RestartState,
  ranMs: number,
): { delayMs: number; state: RestartState } {
  const streak = ranMs >= policy.healthyMs ? 0 : state.streak;
  const delayMs = Math.min(policy.maxMs, policy.initialMs * 2 ** streak);
  return { delayMs, state: { streak: streak + 1 } };
}
