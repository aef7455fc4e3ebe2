import type { Store } from '@leshan/report-store';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFormat } from '../formats.js';
import type { RenderedFile } from '../formats.js';
import { FORMAT_IDS } from '../schemas.js';
import type { ExportInput, FormatId } from '../schemas.js';
import { bossMessages, messagesPerJob } from '../testing/boss-messages.js';
import { fileMatches, listOutput } from '../testing/exported-files.js';
import { recordingLogger } from '../testing/recording-logger.js';
import { syntheticReport } from '../testing/synthetic-edition.js';
import { cleanUpTemp, openTestStore, postgresTarget, tempDir } from '../testing/temp-stores.js';
import { waitUntil } from '../testing/wait-until.js';
import { EXPORT_QUEUE, openBossQueue } from './boss-queue.js';
import { runBossWorker } from './run-boss-worker.js';
import type { BossWorkerOptions } from './run-boss-worker.js';

// The PostgreSQL queue in this process: pg-boss on a fresh database of the test cluster.

afterAll(cleanUpTemp);

type Render = (input: ExportInput, format: FormatId) => Promise<RenderedFile>;

async function pgStore(): Promise<{ store: Store; databaseUrl: string; editionId: string }> {
  const target = await postgresTarget();
  const store = await openTestStore(target);
  const edition = await store.latestEdition();
  if (edition === null || target.databaseUrl === undefined) throw new Error('no test edition');
  return { store, databaseUrl: target.databaseUrl, editionId: edition.id };
}

function start(
  store: Store,
  databaseUrl: string,
  outDir: string,
  extra: Partial<BossWorkerOptions> = {},
) {
  const stop = new AbortController();
  const logger = recordingLogger();
  const stats = runBossWorker({
    store,
    databaseUrl,
    outDir,
    workerId: 'test',
    leaseMs: 5_000,
    pollMs: 100,
    retryDelayMs: 0,
    stopTimeoutMs: 10_000,
    signal: stop.signal,
    logger,
    ...extra,
  });
  return { stats, logger, stop: () => stop.abort() };
}

const jobsIn = (store: Store, editionId: string, status: string, count: number) =>
  waitUntil(`${count} ${status} jobs`, async () => {
    const jobs = (await store.listExportJobs(editionId)).filter((j) => j.status === status);
    return jobs.length === count ? jobs : undefined;
  });

/** A render that waits for the test to let it finish. */
function heldRender() {
  let release = (): void => undefined;
  let started = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const begun = new Promise<void>((resolve) => (started = resolve));
  const render: Render = async (input, format) => {
    started();
    await gate;
    return renderFormat(input, format);
  };
  return { render, begun, release: () => release() };
}

describe('runBossWorker (PostgreSQL, pg-boss)', () => {
  it('delivers every store job once through pg-boss and records each file with its sha256', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    await store.enqueueExportJobs(editionId, FORMAT_IDS);
    const outDir = tempDir();
    const worker = start(store, databaseUrl, outDir, { concurrency: 2 });
    const jobs = await jobsIn(store, editionId, 'done', FORMAT_IDS.length);
    worker.stop();
    expect(await worker.stats).toEqual({
      done: FORMAT_IDS.length,
      retrying: 0,
      failed: 0,
      lost: 0,
    });

    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    const messages = await bossMessages(databaseUrl);
    expect([...messagesPerJob(messages).entries()].sort()).toEqual(
      jobs.map((j) => [j.id, 1]).sort(),
    );
    expect(messages.every((m) => m.state === 'completed' && m.retryCount === 0)).toBe(true);
    const artifacts = await store.listArtifacts(editionId);
    for (const artifact of artifacts) expect(fileMatches(artifact), artifact.format).toBe(true);
    expect(listOutput(outDir)).toEqual(artifacts.map((a) => `${editionId}/${a.fileName}`).sort());
  });

  it('retries a job that always fails through pg-boss, then ends it failed with its error kept', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    await store.enqueueExportJobs(editionId, ['tiff', 'md'], { maxAttempts: 3 });
    const failing: Render = (input, format) =>
      format === 'md' ? Promise.reject(new Error('disk on fire')) : renderFormat(input, format);
    const worker = start(store, databaseUrl, tempDir(), { render: failing });
    const failed = await jobsIn(store, editionId, 'failed', 2);
    // pg-boss records its side of the last failure just after the store.
    const messages = await waitUntil('both messages failed', async () => {
      const rows = await bossMessages(databaseUrl);
      return rows.filter((m) => m.state === 'failed').length === 2 ? rows : undefined;
    });
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
    expect(await store.listArtifacts(editionId)).toEqual([]);
    // One message per job, delivered three times (two retries), ending failed with the error.
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toMatchObject({ state: 'failed', retryCount: 2, retryLimit: 2 });
      const job = failed.find((j) => j.id === message.key);
      expect(JSON.stringify(message.output)).toContain(JSON.stringify(job?.lastError).slice(1, -1));
    }
    expect(worker.logger.entries.filter((e) => e.message === 'job failed for good')).toHaveLength(
      2,
    );
  });

  it('does store jobs that have no pg-boss message: queued while it runs, and queued again after failing for good', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    let fail = true;
    const flaky: Render = (input, format) =>
      fail ? Promise.reject(new Error('font missing')) : renderFormat(input, format);
    // Committed in the store, never sent: as after a crash between the commit and a send.
    await store.enqueueExportJobs(editionId, ['md'], { maxAttempts: 1 });
    const worker = start(store, databaseUrl, tempDir(), { render: flaky });
    const [failed] = await jobsIn(store, editionId, 'failed', 1);
    await waitUntil('the message failed', async () =>
      (await bossMessages(databaseUrl)).some((m) => m.state === 'failed') ? true : undefined,
    );

    // A restart's enqueueLatest queues the failed job again; its old message is finished.
    fail = false;
    await store.enqueueExportJobs(editionId, ['md']);
    // A new edition published while the worker runs: its jobs are only in the store too.
    const report = { ...syntheticReport, meta: { ...syntheticReport.meta, title: '第二版' } };
    const published = await store.publishReport({ report, publishedBy: 'tester' });
    if (!published.ok) throw new Error('not published');
    const second = published.edition.id;
    await store.enqueueExportJobs(second, ['json', 'csv-measures']);
    const [md] = await jobsIn(store, editionId, 'done', 1);
    await jobsIn(store, second, 'done', 2);
    worker.stop();
    expect(await worker.stats).toEqual({ done: 3, retrying: 0, failed: 1, lost: 0 });

    expect(md).toMatchObject({ id: failed?.id, attempts: 1, lastError: null });
    const messages = await bossMessages(databaseUrl);
    expect(messages.filter((m) => m.key === md?.id).map((m) => m.state)).toEqual([
      'failed',
      'completed',
    ]);
    expect(messages).toHaveLength(4);
    expect(worker.logger.entries.map((e) => e.message)).toContain('store jobs sent to pg-boss');
  });

  it('takes over the job of a dead worker once its store lease expires, before pg-boss expires the message', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    const queued = await store.enqueueExportJobs(editionId, ['md']);
    const job = queued.ok ? queued.jobs[0] : undefined;
    if (job === undefined) throw new Error('md not queued');
    // A worker that fetched the message, claimed the job for 300 ms, and died. Leases of 20 s
    // everywhere else: pg-boss would expire its message only after 40 s.
    const dead = await openBossQueue({
      databaseUrl,
      store,
      timing: { leaseMs: 20_000, retryDelayMs: 0 },
      poolSize: 2,
      logger: recordingLogger(),
    });
    expect(await dead.relay()).toEqual([job.id]);
    expect(await dead.boss.fetch(EXPORT_QUEUE)).toHaveLength(1);
    await store.claimExportJob({ jobId: job.id, workerId: 'dead', leaseMs: 300 });
    await dead.close({ graceful: false, timeoutMs: 1_000 });

    const started = Date.now();
    const worker = start(store, databaseUrl, tempDir(), { leaseMs: 20_000 });
    const [done] = await jobsIn(store, editionId, 'done', 1);
    worker.stop();
    expect(await worker.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(done).toMatchObject({ attempts: 2 });
    expect((await bossMessages(databaseUrl)).map((m) => m.state)).toEqual([
      'cancelled',
      'completed',
    ]);
  });

  it('drops messages that are not a store job, without stopping, and does the next one', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    const sender = await openBossQueue({
      databaseUrl,
      store,
      timing: { leaseMs: 5_000, retryDelayMs: 0 },
      poolSize: 2,
      logger: recordingLogger(),
    });
    await sender.boss.send(EXPORT_QUEUE, { jobId: 42 }, { singletonKey: 'a' });
    await sender.boss.send(EXPORT_QUEUE, { nothing: 'here' }, { singletonKey: 'b' });
    await sender.boss.send(EXPORT_QUEUE, { jobId: 'no-such-job' }, { singletonKey: 'c' });
    await sender.close({ graceful: false, timeoutMs: 1_000 });
    await store.enqueueExportJobs(editionId, ['json']);
    const worker = start(store, databaseUrl, tempDir());
    await jobsIn(store, editionId, 'done', 1);
    const messages = await waitUntil('every message handled', async () => {
      const rows = await bossMessages(databaseUrl);
      return rows.every((m) => m.state === 'completed') ? rows : undefined;
    });
    worker.stop();
    expect(await worker.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });
    expect(messages).toHaveLength(4);
    const logged = worker.logger.entries.map((e) => e.message);
    expect(logged.filter((m) => m === 'bad pg-boss message dropped')).toHaveLength(2);
    expect(
      worker.logger.entries.find(
        (e) => e.message === 'message acknowledged; the job is not claimable',
      )?.fields,
    ).toMatchObject({ jobId: 'no-such-job', status: 'unknown' });
  });

  it('sends each store job once even when several workers relay at the same moment', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    await store.enqueueExportJobs(editionId, FORMAT_IDS);
    const relays = await Promise.all(
      [0, 1, 2].map(() =>
        openBossQueue({
          databaseUrl,
          store,
          timing: { leaseMs: 5_000, retryDelayMs: 0 },
          poolSize: 2,
          logger: recordingLogger(),
        }),
      ),
    );
    try {
      const sent = (await Promise.all(relays.map((r) => r.relay()))).flat();
      expect(sent.sort()).toEqual((await store.listExportJobs(editionId)).map((j) => j.id).sort());
      // Every job has its live message now: nothing more to send.
      expect((await Promise.all(relays.map((r) => r.relay()))).flat()).toEqual([]);
    } finally {
      await Promise.all(relays.map((r) => r.close({ graceful: false, timeoutMs: 1_000 })));
    }
    const perJob = messagesPerJob(await bossMessages(databaseUrl));
    expect([...perJob.values()]).toEqual(FORMAT_IDS.map(() => 1));
  });

  it('stops on abort after finishing the job in hand, leaving the rest queued in both records', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    await store.enqueueExportJobs(editionId, ['md', 'json']);
    const held = heldRender();
    const worker = start(store, databaseUrl, tempDir(), { render: held.render });
    await held.begun;
    worker.stop();
    held.release();
    expect(await worker.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });
    const jobs = await store.listExportJobs(editionId);
    expect(jobs.map((j) => [j.status, j.attempts]).sort()).toEqual([
      ['done', 1],
      ['queued', 0],
    ]);
    const messages = await bossMessages(databaseUrl);
    expect(messages.map((m) => m.state).sort()).toEqual(['completed', 'created']);
  });
});
