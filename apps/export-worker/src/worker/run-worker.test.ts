import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Store } from '@leshan/report-store';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@leshan/report-core/hash';
import { renderFormat } from '../formats.js';
import type { RenderedFile } from '../formats.js';
import { FORMAT_IDS } from '../schemas.js';
import type { ExportInput, FormatId } from '../schemas.js';
import { fileMatches, listOutput } from '../testing/exported-files.js';
import { recordingLogger } from '../testing/recording-logger.js';
import { cleanUpTemp, openTestStore, sqliteTarget, tempDir } from '../testing/temp-stores.js';
import { waitUntil } from '../testing/wait-until.js';
import { exportInputOf } from './edition-inputs.js';
import { TEMP_FILE } from './place-file.js';
import { runWorker } from './run-worker.js';
import type { WorkerOptions } from './run-worker.js';

afterAll(cleanUpTemp);

type Render = (input: ExportInput, format: FormatId) => Promise<RenderedFile>;

function start(store: Store, outDir: string, extra: Partial<WorkerOptions> = {}) {
  const stop = new AbortController();
  const logger = recordingLogger();
  const stats = runWorker({
    store,
    outDir,
    workerId: 'test',
    leaseMs: 5_000,
    pollMs: 20,
    signal: stop.signal,
    logger,
    ...extra,
  });
  return { stats, logger, stop: () => stop.abort() };
}

async function latest(store: Store) {
  const edition = await store.latestEdition();
  if (edition === null) throw new Error('the test store has no edition');
  return edition;
}

const jobsIn = (store: Store, editionId: string, status: string, count: number) =>
  waitUntil(`${count} ${status} jobs`, async () => {
    const jobs = (await store.listExportJobs(editionId)).filter((j) => j.status === status);
    return jobs.length === count ? jobs : undefined;
  });

/** A render that waits for the test to let it finish. */
function heldRender(bytes?: (file: RenderedFile) => Uint8Array) {
  let release = (): void => undefined;
  let started = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const begun = new Promise<void>((resolve) => (started = resolve));
  const render: Render = async (input, format) => {
    started();
    await gate;
    const file = await renderFormat(input, format);
    return bytes === undefined ? file : { ...file, bytes: bytes(file) };
  };
  return { render, begun, release: () => release() };
}

describe('runWorker', () => {
  it('renders every format of an edition into its folder and records each file with its sha256', async () => {
    const store = await openTestStore(sqliteTarget());
    const edition = await latest(store);
    await store.enqueueExportJobs(edition.id, FORMAT_IDS);
    const outDir = tempDir();
    const worker = start(store, outDir);
    await jobsIn(store, edition.id, 'done', FORMAT_IDS.length);
    worker.stop();
    expect(await worker.stats).toEqual({
      done: FORMAT_IDS.length,
      retrying: 0,
      failed: 0,
      lost: 0,
    });

    const artifacts = await store.listArtifacts(edition.id);
    expect(artifacts.map((a) => a.format).sort()).toEqual([...FORMAT_IDS].sort());
    // The same edition renders to the same bytes at any time, in any process.
    const input = exportInputOf(edition);
    for (const artifact of artifacts) {
      const again = await renderFormat(input, artifact.format as FormatId);
      expect(fileMatches(artifact), artifact.format).toBe(true);
      expect(artifact.sha256, artifact.format).toBe(sha256Hex(again.bytes));
      expect(artifact).toMatchObject({ fileName: again.fileName, mediaType: again.mediaType });
      expect(artifact.path).toBe(join(outDir, edition.id, again.fileName));
    }
    // Only the recorded files are there: no temporary file remains to be served.
    expect(listOutput(outDir)).toEqual(artifacts.map((a) => `${edition.id}/${a.fileName}`).sort());
    expect(artifacts.some((a) => TEMP_FILE.test(basename(a.path)))).toBe(false);
  });

  it('retries a job that always fails, then ends it failed with its error', async () => {
    const store = await openTestStore(sqliteTarget());
    const edition = await latest(store);
    await store.enqueueExportJobs(edition.id, ['tiff', 'md'], { maxAttempts: 3 });
    const failing: Render = (input, format) =>
      format === 'md' ? Promise.reject(new Error('disk on fire')) : renderFormat(input, format);
    const worker = start(store, tempDir(), { render: failing });
    const failed = await jobsIn(store, edition.id, 'failed', 2);
    worker.stop();
    expect(await worker.stats).toEqual({ done: 0, retrying: 4, failed: 2, lost: 0 });

    const byFormat = new Map(failed.map((j) => [j.format, j]));
    expect(byFormat.get('tiff')).toMatchObject({
      attempts: 3,
      lastError: 'unknown export format "tiff"',
    });
    expect(byFormat.get('md')).toMatchObject({
      attempts: 3,
      lastError: 'render failed: disk on fire',
    });
    expect(await store.listArtifacts(edition.id)).toEqual([]);
    expect(worker.logger.entries.filter((e) => e.message === 'job failed for good')).toHaveLength(
      2,
    );
  });

  it('drops the result of a worker whose lease was taken over while rendering', async () => {
    const target = sqliteTarget();
    const storeA = await openTestStore(target);
    // Worker B's clock is an hour ahead, so A's live lease looks expired to it: a takeover.
    const storeB = await openTestStore(target, { now: () => new Date(Date.now() + 3_600_000) });
    const edition = await latest(storeA);
    await storeA.enqueueExportJobs(edition.id, ['md']);
    const outDir = tempDir();
    // A would write different bytes (as a worker of another version might): they must never land.
    const slow = heldRender((file) => new TextEncoder().encode(`${file.bytes.length} stale`));
    const a = start(storeA, outDir, { workerId: 'a', leaseMs: 600, render: slow.render });
    await slow.begun;
    const b = start(storeB, outDir, { workerId: 'b' });
    const [done] = await jobsIn(storeA, edition.id, 'done', 1);
    slow.release();
    a.stop();
    b.stop();
    expect(await a.stats).toEqual({ done: 0, retrying: 0, failed: 0, lost: 1 });
    expect(await b.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });

    const [artifact] = await storeA.listArtifacts(edition.id);
    if (artifact === undefined) throw new Error('no artifact');
    const served = await renderFormat(exportInputOf(edition), 'md');
    expect(readFileSync(artifact.path)).toEqual(Buffer.from(served.bytes));
    expect(fileMatches(artifact)).toBe(true);
    expect(done).toMatchObject({ attempts: 2 });
    expect(listOutput(outDir)).toEqual([
      `${basename(dirname(artifact.path))}/${artifact.fileName}`,
    ]);
    expect(a.logger.entries.map((e) => e.message)).toContain(
      'lease lost while rendering; result dropped',
    );
  });

  it('stops on abort after finishing the job in hand, claiming nothing more', async () => {
    const store = await openTestStore(sqliteTarget());
    const edition = await latest(store);
    await store.enqueueExportJobs(edition.id, ['md', 'json']);
    const held = heldRender();
    const worker = start(store, tempDir(), { render: held.render });
    await held.begun;
    worker.stop();
    held.release();
    expect(await worker.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });
    const jobs = await store.listExportJobs(edition.id);
    expect(jobs.map((j) => [j.status, j.attempts]).sort()).toEqual([
      ['done', 1],
      ['queued', 0],
    ]);
  });
});
