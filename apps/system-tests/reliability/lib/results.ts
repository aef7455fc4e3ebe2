import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PartSchemas, RunFiguresSchema, VitestReportSchema } from './figures.js';
import type { PartFigures, PartName, Results, RunFigures } from './figures.js';
import { resultsDir } from './paths.js';

// The figures cross from the tests to the page's writer as JSON files in results/ (git-ignored),
// each written and read through its schema in figures.ts.

/** results/<name>.json parsed with its schema, or undefined when the run left no such file. */
function readJson<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function writeJson(dir: string, name: string, value: unknown): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Records the figures of one part of the suite under `key`, merged into results/<part>.json as
 * the tests go, so a part that fails half-way still leaves what it measured.
 */
export function recordFigures<P extends PartName, K extends keyof PartFigures<P> & string>(
  part: P,
  key: K,
  figures: NonNullable<PartFigures<P>[K]>,
  dir: string = resultsDir,
): void {
  const schema = PartSchemas[part];
  const current = readJson(join(dir, `${part}.json`), schema) ?? {};
  writeJson(dir, part, schema.parse({ ...current, [key]: figures }));
}

/** Records when the run started and ended and how vitest exited (scripts/test-reliability.ts). */
export function recordRun(run: RunFigures, dir: string = resultsDir): void {
  writeJson(dir, 'run', RunFiguresSchema.parse(run));
}

/** Where scripts/test-reliability.ts has vitest write its JSON report. */
export const vitestReportFile = (dir: string = resultsDir): string => join(dir, 'vitest.json');

/** Everything the last run recorded, each file checked against its schema. */
export function readResults(dir: string = resultsDir): Results {
  const part = <S extends z.ZodType>(name: PartName, schema: S) =>
    readJson(join(dir, `${name}.json`), schema) ?? {};
  return {
    parts: {
      load: part('load', PartSchemas.load),
      faults: part('faults', PartSchemas.faults),
      'bad-input': part('bad-input', PartSchemas['bad-input']),
      access: part('access', PartSchemas.access),
      integrity: part('integrity', PartSchemas.integrity),
      accounts: part('accounts', PartSchemas.accounts),
    },
    run: readJson(join(dir, 'run.json'), RunFiguresSchema),
    vitest: readJson(vitestReportFile(dir), VitestReportSchema),
  };
}
