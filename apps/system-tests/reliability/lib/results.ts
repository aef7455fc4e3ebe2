import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './paths.js';

/**
 * Figures of one part of the suite, merged into results/<part>.json as the tests go, so a part
 * that fails half-way still leaves what it measured.
 */
export function recordFigures(part: string, key: string, figures: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${part}.json`);
  const current = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  current[key] = figures;
  writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
}
