// Checks the settings of all three processes at once, before start-all.mjs starts any of them:
// the same zod schemas each process reads at its own start (apps/*/src/env.ts). Prints every bad
// variable, by process, and exits 1; prints nothing and exits 0 when all are fine.
// Run by start-all.mjs as `node --conditions=@leshan/source --import tsx tooling/scripts/check-env.ts`.
import { readAdminEnv } from '../../apps/admin/src/env.js';
import { readWorkerEnv } from '../../apps/export-worker/src/env.js';
import { readViewerEnv } from '../../apps/viewer/src/env.js';

const problems: string[] = [];
const check = (name: string, read: () => string | null): void => {
  try {
    const message = read();
    if (message !== null) problems.push(`${name}: ${message}`);
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

check('admin', () => {
  readAdminEnv();
  return null;
});
check('viewer', () => {
  readViewerEnv();
  return null;
});
check('worker', () => {
  const result = readWorkerEnv();
  return result.ok ? null : result.message;
});

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exitCode = 1;
}
