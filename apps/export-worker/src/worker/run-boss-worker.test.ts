import type { Store } from '@leshan/report-store';
import { BOSS_SCHEMA, EXPORT_QUEUE } from '@leshan/report-store';
import PgBoss from 'pg-boss';
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
import { openBossQueue } from './boss-queue.js';
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

  it('retries a job that always fails at the store’s backoff, one delivery per attempt, then ends it failed with its error', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    await store.enqueueExportJobs(editionId, ['tiff', 'md'], { maxAttempts: 3 });
    const failing: Render = (input, format) =>
      format === 'md' ? Promise.reject(new Error('disk on fire')) : renderFormat(input, format);
    const worker = start(store, databaseUrl, tempDir(), { render: failing });
    const failed = await jobsIn(store, editionId, 'failed', 2);
    const messages = await bossMessages(databaseUrl);
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
    // One delivery per attempt, each completed with what the store made of it (pg-boss never
    // retried one): two retries at the store's backoff, then failed with the error.
    expect(messages).toHaveLength(6);
    expect(messages.every((m) => m.state === 'completed' && m.retryCount === 0)).toBe(true);
    for (const job of failed) {
      const outputs = messages.filter((m) => m.key === job.id).map((m) => m.output);
      expect(outputs).toEqual([
        { status: 'queued', error: job.lastError },
        { status: 'queued', error: job.lastError },
        { status: 'failed', error: job.lastError },
      ]);
    }
    expect(worker.logger.entries.filter((e) => e.message === 'job failed for good')).toHaveLength(
      2,
    );
  });

  it('does jobs queued while it runs, and a job queued again after failing for good', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    let fail = true;
    const flaky: Render = (input, format) =>
      fail ? Promise.reject(new Error('font missing')) : renderFormat(input, format);
    await store.enqueueExportJobs(editionId, ['md'], { maxAttempts: 1 });
    const worker = start(store, databaseUrl, tempDir(), { render: flaky });
    const [failed] = await jobsIn(store, editionId, 'failed', 1);

    // A restart's enqueueLatest queues the failed job again, sending it in the same transaction.
    fail = false;
    await store.enqueueExportJobs(editionId, ['md']);
    // A new edition published while the worker runs.
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
    expect(messages.filter((m) => m.key === md?.id).map((m) => m.output)).toEqual([
      { status: 'failed', error: 'render failed: font missing' },
      { status: 'done' },
    ]);
    expect(messages).toHaveLength(4);
    expect(messages.every((m) => m.state === 'completed')).toBe(true);
  });

  it('takes over the job of a dead worker once its lease expires: the delivery expires with it', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    const queued = await store.enqueueExportJobs(editionId, ['md']);
    const job = queued.ok ? queued.jobs[0] : undefined;
    if (job === undefined) throw new Error('md not queued');
    // A worker that fetched the delivery, claimed the job for 300 ms, and died.
    const dead = await openBossQueue({
      databaseUrl,
      leaseMs: 20_000,
      poolSize: 2,
      logger: recordingLogger(),
    });
    const delivery = await dead.fetch();
    if (delivery === null) throw new Error('no delivery');
    const taken = await store.takeExportDelivery({
      deliveryId: delivery.id,
      jobId: job.id,
      workerId: 'dead',
      leaseMs: 300,
    });
    expect(taken.job).toMatchObject({ id: job.id, attempts: 1, leaseOwner: 'dead' });
    await dead.close();

    const started = Date.now();
    // Leases of 6 s: pg-boss's maintenance runs every 2 s.
    const worker = start(store, databaseUrl, tempDir(), { leaseMs: 6_000 });
    const [done] = await jobsIn(store, editionId, 'done', 1);
    worker.stop();
    expect(await worker.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(done).toMatchObject({ attempts: 2 });
    // The same delivery, expired and delivered again.
    expect(await bossMessages(databaseUrl)).toMatchObject([
      { key: job.id, state: 'completed', retryCount: 1, output: { status: 'done' } },
    ]);
  });

  it('puts off a delivery whose job is held by a live lease until the lease ends', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    const queued = await store.enqueueExportJobs(editionId, ['md']);
    const job = queued.ok ? queued.jobs[0] : undefined;
    if (job === undefined) throw new Error('md not queued');
    // Held outside a delivery (a claim of the store's own queue) for 2 s.
    const held = await store.claimExportJob({ jobId: job.id, workerId: 'other', leaseMs: 2_000 });
    expect(held).toMatchObject({ id: job.id, attempts: 1 });
    const worker = start(store, databaseUrl, tempDir(), { leaseMs: 2_000 });
    const [done] = await jobsIn(store, editionId, 'done', 1);
    worker.stop();
    expect(await worker.stats).toEqual({ done: 1, retrying: 0, failed: 0, lost: 0 });
    expect(done).toMatchObject({ attempts: 2 });
    const put = worker.logger.entries.find(
      (e) => e.message === 'message acknowledged; the job is not claimable',
    );
    expect(put?.fields).toMatchObject({ status: 'running', deferredUntil: held?.leaseExpiresAt });
    expect((await bossMessages(databaseUrl)).map((m) => m.output)).toEqual([
      { status: 'running', deferredUntil: held?.leaseExpiresAt },
      { status: 'done' },
    ]);
  });

  it('drops messages that are not a store job, without stopping, and does the next one', async () => {
    const { store, databaseUrl, editionId } = await pgStore();
    const sender = new PgBoss({ connectionString: databaseUrl, schema: BOSS_SCHEMA, max: 1 });
    await sender.start();
    await sender.send(EXPORT_QUEUE, { jobId: 42 }, { singletonKey: 'a' });
    await sender.send(EXPORT_QUEUE, { nothing: 'here' }, { singletonKey: 'b' });
    await sender.send(EXPORT_QUEUE, { jobId: 'no-such-job' }, { singletonKey: 'c' });
    await sender.stop({ graceful: false, wait: true });
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

  it('stops on abort after finishing the job in hand, leaving the rest queued with its delivery', async () => {
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
