import { existsSync, rmSync } from 'node:fs';
import type { FAULT_POINTS } from '../env.js';
import { readFaultEnv } from '../env.js';

export { FAULT_POINTS } from '../env.js';
export type FaultPoint = (typeof FAULT_POINTS)[number];

let armed: ReturnType<typeof readFaultEnv> | undefined;

/**
 * A crash for tests to arm (issue 12): when LESHAN_FAULT names `point`, the process kills itself
 * with SIGKILL right here (no handler, no cleanup, no COMMIT), as a power cut or `kill -9` would.
 * With LESHAN_FAULT_FILE, only while that file exists (it is removed first: one crash per arming).
 * Does nothing when LESHAN_FAULT is unset.
 */
export function faultPoint(point: FaultPoint): void {
  armed ??= readFaultEnv();
  if (!armed.LESHAN_FAULT.includes(point)) return;
  const file = armed.LESHAN_FAULT_FILE;
  if (file !== undefined) {
    if (!existsSync(file)) return;
    rmSync(file, { force: true });
  }
  process.stderr.write(`fault point ${point}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}
