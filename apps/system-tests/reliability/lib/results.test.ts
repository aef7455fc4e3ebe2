import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadFigures } from './figures.js';
import { homeLoad } from './figures.fixtures.js';
import { readResults, recordFigures, recordRun } from './results.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reliability-results-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the reliability results', () => {
  it('reads back what the tests recorded, each key merged into its part', () => {
    recordFigures('load', 'home', homeLoad, dir);
    recordFigures('load', 'api', { ...homeLoad, target: 'public API' }, dir);
    const run = {
      startedAt: '2026-11-29T07:05:51.000Z',
      finishedAt: '2026-11-29T07:07:53.000Z',
      seconds: 122,
      exitCode: 0,
    };
    recordRun(run, dir);
    const results = readResults(dir);
    expect(results.parts.load).toEqual({
      home: homeLoad,
      api: { ...homeLoad, target: 'public API' },
    });
    expect(results.run).toEqual(run);
    expect(results.parts.faults).toEqual({});
    expect(results.vitest).toBeUndefined();
  });

  it('refuses a results file of another shape, naming the file and the field', () => {
    writeFileSync(join(dir, 'faults.json'), JSON.stringify({ admin: { clients: 'eight' } }));
    expect(() => readResults(dir)).toThrow(/faults\.json[\s\S]*admin\.clients/);
  });

  it('refuses figures of another shape when they are recorded, leaving the file as it was', () => {
    recordFigures('load', 'home', homeLoad, dir);
    const broken = JSON.parse(JSON.stringify({ ...homeLoad, errors: -1 })) as LoadFigures;
    expect(() => recordFigures('load', 'api', broken, dir)).toThrow(/errors/);
    expect(readResults(dir).parts.load).toEqual({ home: homeLoad });
  });
});
