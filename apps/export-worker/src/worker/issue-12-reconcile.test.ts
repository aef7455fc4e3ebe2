import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArtifactOfEdition, Store } from '@leshan/report-store';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../schemas.js';
import { fileMatches } from '../testing/exported-files.js';
import { recordingLogger } from '../testing/recording-logger.js';
import { syntheticReport } from '../testing/synthetic-edition.js';
import { cleanUpTemp, openTestStore, sqliteTarget, tempDir } from '../testing/temp-stores.js';
import { waitUntil } from '../testing/wait-until.js';
import { runReconcileLoop } from './reconcile.js';
import { runWorker } from './run-worker.js';

afterAll(cleanUpTemp);

// Every file of every edition recorded and on disk as recorded.
const allWhole = (store: Store, editions: number) =>
  waitUntil(
    `${editions * FORMAT_IDS.length} whole files`,
    async () => {
      const artifacts = await store.listAllArtifacts();
      const whole = artifacts.filter((artifact) => {
        try {
          return fileMatches(artifact);
        } catch (_error) {
          return false;
        }
      });
      return whole.length === editions * FORMAT_IDS.length ? artifacts : undefined;
    },
    60_000,
  );

const fileOf = (
  artifacts: ArtifactOfEdition[],
  editionNumber: number,
  format: string,
): ArtifactOfEdition => {
  const found = artifacts.find((a) => a.editionNumber === editionNumber && a.format === format);
  if (found === undefined) throw new Error(`no ${format} file of edition ${editionNumber}`);
  return found;
};

describe('issue 12: the reconcile loop keeps every edition’s files whole', () => {
  it('exports an edition published without jobs, and remakes corrupted, deleted, unreadable and vanished files of old editions', async () => {
    const store = await openTestStore(sqliteTarget());
    // Edition 2 as a crash between publishing and queuing (the release before) left it: no jobs.
    const second = structuredClone(syntheticReport);
    second.meta.subtitle = '——第二版——';
    const published = await store.publishReport({ report: second, publishedBy: 'u-pub' });
    expect(published.ok).toBe(true);
    expect(await store.listExportJobs()).toEqual([]);

    const outDir = tempDir();
    const stop = new AbortController();
    const logger = recordingLogger();
    const worker = runWorker({
      store,
      outDir,
      workerId: 'test',
      leaseMs: 10_000,
      pollMs: 20,
      concurrency: 2,
      signal: stop.signal,
      logger,
    });
    const loop = runReconcileLoop({ store, logger, intervalMs: 100, signal: stop.signal });
    try {
      const artifacts = await allWhole(store, 2);
      const json = fileOf(artifacts, 1, 'json');
      const original = readFileSync(json.path);
      const corrupted = Buffer.from(original);
      corrupted[0] = (corrupted[0] ?? 0) ^ 0xff; // same size, other bytes
      writeFileSync(json.path, corrupted);
      rmSync(fileOf(artifacts, 1, 'md').path); // deleted
      const csv = fileOf(artifacts, 1, 'csv-measures');
      rmSync(csv.path);
      mkdirSync(csv.path); // unreadable: a folder where the file was (chmod does not stop root)
      rmSync(dirname(fileOf(artifacts, 2, 'pdf').path), { recursive: true }); // vanished folder
      // The viewer found the xlsx wrong (its own check): it asks, the loop takes the request.
      expect((await store.requestRegeneration(1, 'xlsx', 'viewer: sha256 differs')).ok).toBe(true);

      const repaired = await allWhole(store, 2);
      expect(readFileSync(fileOf(repaired, 1, 'json').path)).toEqual(original);
      const faults = logger.entries
        .filter((e) => e.message.startsWith('export file is not what was recorded'))
        .map((e) => [e.fields.editionNumber, e.fields.format, e.fields.fault]);
      expect(faults).toEqual(
        expect.arrayContaining([
          [1, 'json', 'sha256 differs'],
          [1, 'md', 'missing'],
          [1, 'csv-measures', 'unreadable'],
          [2, 'pdf', 'missing'],
        ]),
      );
      const requeued = logger.entries.filter((e) => e.message === 'export queued again');
      expect(requeued.map((e) => e.fields.reason)).toContain('viewer: sha256 differs');
    } finally {
      stop.abort();
      await Promise.all([worker, loop]);
    }
  });
});
