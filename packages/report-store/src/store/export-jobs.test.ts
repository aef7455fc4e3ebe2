import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/clock.js';
import { cleanUp, engines, freshStore } from '../../test/engines.js';
import type { Store } from './store.js';

afterAll(cleanUp);

const artifact = (format: string) => ({
  fileName: `leshan-e1.${format}`,
  path: `/srv/exports/leshan-e1.${format}`,
  mediaType: 'application/octet-stream',
  size: 1234,
  sha256: 'ab'.repeat(32),
});

async function setup(engine: (typeof engines)[number], formats: string[], maxAttempts = 3) {
  const clock = manualClock();
  const { store } = await freshStore(engine, {
    now: clock.now,
    jobs: { maxAttempts, backoffMs: 1_000, backoffCapMs: 60_000 },
  });
  const edition = await store.latestEdition();
  if (edition === null) throw new Error('not seeded');
  const queued = await store.enqueueExportJobs(edition.id, formats);
  if (!queued.ok) throw new Error(queued.error.message.en);
  return { store, clock, editionId: edition.id, jobs: queued.jobs };
}

const claim = (store: Store, workerId: string, leaseMs = 10_000) =>
  store.claimExportJob({ workerId, leaseMs });

describe.each(engines)('export jobs ($name)', (engine) => {
  it('queues one job per format, idempotently, and refuses an unknown edition', async () => {
    const { store, editionId, jobs } = await setup(engine, ['json', 'pdf', 'json']);
    expect(jobs.map((j) => [j.format, j.status, j.attempts])).toEqual([
      ['json', 'queued', 0],
      ['pdf', 'queued', 0],
    ]);
    const again = await store.enqueueExportJobs(editionId, ['pdf']);
    expect(again.ok && again.jobs.map((j) => j.id)).toEqual([jobs[1]?.id]);
    expect((await store.listExportJobs(editionId)).length).toBe(2);
    const missing = await store.enqueueExportJobs('no-such-edition', ['json']);
    expect(missing.ok || missing.error.code).toBe('not-found');
    const bad = await store.enqueueExportJobs(editionId, ['PDF!']);
    expect(bad.ok || bad.error.code).toBe('invalid-input');
  });

  it('claims each job once, renews and completes it while the lease is held', async () => {
    const { store, editionId } = await setup(engine, ['json', 'pdf']);
    const a = await claim(store, 'worker-a');
    const b = await claim(store, 'worker-b');
    expect(await claim(store, 'worker-c')).toBeNull();
    expect(new Set([a?.format, b?.format])).toEqual(new Set(['json', 'pdf']));
    expect(a).toMatchObject({ status: 'running', leaseOwner: 'worker-a', attempts: 1 });
    expect(
      await store.renewLease({ jobId: a?.id ?? '', workerId: 'worker-a', leaseMs: 10_000 }),
    ).toBe(true);
    expect(
      await store.renewLease({ jobId: a?.id ?? '', workerId: 'worker-b', leaseMs: 10_000 }),
    ).toBe(false);
    const done = await store.completeExportJob(a?.id ?? '', 'worker-a', artifact(a?.format ?? ''));
    expect(done.ok && [done.job.status, done.artifact.format, done.artifact.editionId]).toEqual([
      'done',
      a?.format,
      editionId,
    ]);
    expect((await store.listArtifacts(editionId)).map((x) => x.format)).toEqual([a?.format]);
    expect((await store.getArtifact(editionId, a?.format ?? ''))?.sha256).toBe('ab'.repeat(32));
  });

  it('lets another worker claim a job whose worker died, and the dead worker’s result is refused', async () => {
    const { store, clock, editionId } = await setup(engine, ['json']);
    const first = await claim(store, 'worker-dead', 5_000);
    clock.advance(4_000);
    expect(await claim(store, 'worker-b')).toBeNull();
    clock.advance(2_000);
    const second = await claim(store, 'worker-b');
    expect(second).toMatchObject({ id: first?.id, leaseOwner: 'worker-b', attempts: 2 });
    const late = await store.completeExportJob(first?.id ?? '', 'worker-dead', artifact('json'));
    expect(late.ok || late.error.code).toBe('lease-lost');
    expect((await store.completeExportJob(second?.id ?? '', 'worker-b', artifact('json'))).ok).toBe(
      true,
    );
    expect((await store.listArtifacts(editionId)).length).toBe(1);
  });

  it('retries a failed job after exponential backoff and ends failed after maxAttempts', async () => {
    const { store, clock } = await setup(engine, ['pdf'], 3);
    const run = await claim(store, 'w');
    const failed1 = await store.failExportJob(run?.id ?? '', 'w', 'font missing');
    expect(failed1.ok && failed1.job).toMatchObject({
      status: 'queued',
      lastError: 'font missing',
      runAt: '2026-03-01T08:00:01.000Z',
    });
    expect(await claim(store, 'w')).toBeNull();
    clock.advance(1_000);
    await claim(store, 'w');
    const failed2 = await store.failExportJob(run?.id ?? '', 'w', 'font missing');
    expect(failed2.ok && failed2.job.runAt).toBe('2026-03-01T08:00:03.000Z');
    clock.advance(2_000);
    expect((await claim(store, 'w'))?.attempts).toBe(3);
    const failed3 = await store.failExportJob(run?.id ?? '', 'w', 'font still missing');
    expect(failed3.ok && failed3.job).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'font still missing',
    });
    clock.advance(3_600_000);
    expect(await claim(store, 'w')).toBeNull();
  });

  it('gives up a job whose worker died on its last attempt', async () => {
    const { store, clock, jobs } = await setup(engine, ['docx'], 1);
    await claim(store, 'w', 1_000);
    clock.advance(2_000);
    expect(await claim(store, 'w2')).toBeNull();
    expect(await store.getExportJob(jobs[0]?.id ?? '')).toMatchObject({
      status: 'failed',
      lastError: 'lease expired on the last attempt',
    });
    // Queuing a failed format again starts it afresh.
    const again = await store.enqueueExportJobs(jobs[0]?.editionId ?? '', ['docx']);
    expect(again.ok && again.jobs[0]).toMatchObject({
      status: 'queued',
      attempts: 0,
      lastError: null,
    });
  });

  it('claims a named job whatever its backoff, and never one that is held, done or failed', async () => {
    const { store, clock, jobs } = await setup(engine, ['json', 'pdf'], 2);
    const [json, pdf] = jobs.map((j) => j.id);
    const byId = (jobId: string, workerId: string, leaseMs = 5_000) =>
      store.claimExportJob({ jobId, workerId, leaseMs });
    // The named job, not the oldest due one.
    expect(await byId(pdf ?? '', 'a')).toMatchObject({ format: 'pdf', leaseOwner: 'a' });
    expect(await byId(pdf ?? '', 'b')).toBeNull();
    // A failed attempt's backoff is the delivering queue's business: the job is claimable at once.
    await store.failExportJob(pdf ?? '', 'a', 'boom');
    expect(await byId(pdf ?? '', 'b')).toMatchObject({ attempts: 2, leaseOwner: 'b' });
    // Its worker died on the last attempt: given up, not taken.
    clock.advance(6_000);
    expect(await byId(pdf ?? '', 'c')).toBeNull();
    expect(await store.getExportJob(pdf ?? '')).toMatchObject({ status: 'failed' });
    const json1 = await byId(json ?? '', 'a');
    await store.completeExportJob(json1?.id ?? '', 'a', artifact('json'));
    expect(await byId(json ?? '', 'b')).toBeNull();
    expect(await byId('00000000-0000-4000-8000-000000000000', 'b')).toBeNull();
  });

  it('records exactly one artifact when two workers race to complete the same job', async () => {
    const { store, clock, editionId } = await setup(engine, ['xlsx']);
    const slow = await claim(store, 'slow', 1_000);
    clock.advance(1_500);
    const fast = await claim(store, 'fast', 1_000);
    const results = await Promise.all([
      store.completeExportJob(slow?.id ?? '', 'slow', artifact('xlsx')),
      store.completeExportJob(fast?.id ?? '', 'fast', artifact('xlsx')),
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect((await store.listArtifacts(editionId)).length).toBe(1);
  });

  it('hands each of many jobs to exactly one of several concurrent workers', async () => {
    const formats = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const { store, editionId } = await setup(engine, formats);
    const workers = Array.from({ length: 4 }, async (_, w) => {
      const mine: string[] = [];
      for (;;) {
        const job = await claim(store, `w${w}`);
        if (job === null) return mine;
        const done = await store.completeExportJob(job.id, `w${w}`, artifact(job.format));
        if (done.ok) mine.push(job.format);
      }
    });
    const claimed = (await Promise.all(workers)).flat().sort();
    expect(claimed).toEqual([...formats].sort());
    expect((await store.listArtifacts(editionId)).length).toBe(12);
  });
});
