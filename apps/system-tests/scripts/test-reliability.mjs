// `pnpm test:reliability`: runs the reliability and security suite (reliability/*.test.ts) on the
// built apps, then writes RELIABILITY.md at the repository root from the figures the tests
// recorded in results/ — also when a test failed, so the page shows what failed. Exits non-zero
// when any test failed or the page could not be written.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(packageDir, 'results');
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
    `--outputFile.json=${join(resultsDir, 'vitest.json')}`,
  ],
  { cwd: packageDir, stdio: 'inherit' },
);
const finished = new Date();
const vitestCode = vitest.status ?? 1;
writeFileSync(
  join(resultsDir, 'run.json'),
  `${JSON.stringify({ startedAt: started.toISOString(), finishedAt: finished.toISOString(), seconds: Math.round((finished.getTime() - started.getTime()) / 1000), exitCode: vitestCode }, null, 2)}\n`,
);

const writer = spawnSync(
  process.execPath,
  ['--import', 'tsx', join('scripts', 'write-reliability.ts')],
  { cwd: packageDir, stdio: 'inherit' },
);
const writerCode = writer.status ?? 1;
if (vitestCode !== 0)
  process.stderr.write(
    `test:reliability: the suite failed (vitest exit ${vitestCode}); RELIABILITY.md shows what failed.\n`,
  );
process.exit(vitestCode !== 0 ? vitestCode : writerCode);
