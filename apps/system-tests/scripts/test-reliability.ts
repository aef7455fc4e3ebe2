// `pnpm test:reliability`: runs the reliability and security suite (reliability/*.test.ts) on the
// built apps, then renders results/RELIABILITY.md from the figures the tests recorded in results/
// (git-ignored) — also when a test failed, so the page shows what failed. The repository's
// RELIABILITY.md changes only by `pnpm reliability:write`. Exits non-zero when any test failed or
// the page could not be written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir, resultsDir } from '../reliability/lib/paths.js';
import { readResults, recordRun, vitestReportFile } from '../reliability/lib/results.js';
import { writeReliabilityPage } from './reliability-page.js';

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const started = new Date();
const vitest = spawnSync(
  join(packageDir, 'node_modules', '.bin', 'vitest'),
  [
    'run',
    '--config',
    'reliability/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReportFile()}`,
  ],
  { cwd: packageDir, stdio: 'inherit' },
);
const finished = new Date();
const vitestCode = vitest.status ?? 1;
recordRun({
  startedAt: started.toISOString(),
  finishedAt: finished.toISOString(),
  seconds: Math.round((finished.getTime() - started.getTime()) / 1000),
  exitCode: vitestCode,
});

const page = join(resultsDir, 'RELIABILITY.md');
let written = false;
try {
  await writeReliabilityPage(readResults(), page);
  written = true;
  process.stdout.write(
    `test:reliability: wrote ${page} (\`pnpm reliability:write\` puts it in the repository)\n`,
  );
} catch (error) {
  process.stderr.write(
    `test:reliability: could not write ${page}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
}
if (vitestCode !== 0)
  process.stderr.write(
    `test:reliability: the suite failed (vitest exit ${vitestCode}); ${page} shows what failed.\n`,
  );
process.exit(vitestCode !== 0 ? vitestCode : written ? 0 : 1);
