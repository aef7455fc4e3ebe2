import type { Store } from '@leshan/report-store';
import { afterAll, describe, expect, it } from 'vitest';
import { bossMessages } from '../testing/boss-messages.js';
import { recordingLogger } from '../testing/recording-logger.js';
import { cleanUpTemp, openTestStore, postgresTarget, tempDir } from '../testing/temp-stores.js';
import { waitUntil } from '../testing/wait-until.js';
import { runBossWorker } from './run-boss-worker.js';

// Issue 20: workers starting together on a fresh database each created pg-boss's queue, and the
// DDL deadlocked (3 of 6 runs of the old relay test). Now the store's migration makes the queue
// once, under an advisory lock, and workers create nothing.

afterAll(cleanUpTemp);

const ROUNDS = 20;
const WORKERS = 5;

/** One process's start, as serve.ts does it: open (and migrate) the store, queue, run. */
async function startWorker(databaseUrl: string, outDir: string, index: number) {
  const store: Store = await openTestStore({ databaseUrl }, { poolSize: 2 });
  const edition = await store.latestEdition();
  if (edition === null) throw new Error('not seeded');
  const queued = await store.enqueueExportJobs(edition.id, ['json']);
  if (!queued.ok) throw new Error(queued.error.message.en);
  const stop = new AbortController();
  const stats = runBossWorker({
    store,
    databaseUrl,
    outDir,
    workerId: `w${index}`,
    leaseMs: 5_000,
    pollMs: 100,
    signal: stop.signal,
    logger: recordingLogger(),
  });
  return { store, stats, stop: () => stop.abort() };
}

describe('issue 20: five workers starting at once on a fresh PostgreSQL database', () => {
  it(
    `start, share the one job and stop, ${ROUNDS} times over, without a deadlock`,
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const { databaseUrl } = await postgresTarget();
        if (databaseUrl === undefined) throw new Error('no database');
        const outDir = tempDir();
        const started = Date.now();
        const workers = await Promise.all(
          Array.from({ length: WORKERS }, (_, i) => startWorker(databaseUrl, outDir, i)),
        );
        const [first] = workers;
        if (first === undefined) throw new Error('no worker');
        const [job] = await waitUntil(
          `round ${round}: the job done`,
          async () => {
            const jobs = await first.store.listExportJobs();
            return jobs.every((j) => j.status === 'done') ? jobs : undefined;
          },
          15_000,
        );
        for (const worker of workers) worker.stop();
        const stats = await Promise.all(workers.map((w) => w.stats));
        expect(Date.now() - started, `round ${round}`).toBeLessThan(15_000);
        // Five enqueues of the same edition and format: one job, done once, one delivery.
        expect(job).toMatchObject({ format: 'json', attempts: 1 });
        expect(stats.reduce((sum, s) => sum + s.done, 0)).toBe(1);
        expect(await bossMessages(databaseUrl)).toMatchObject([
          { key: job?.id, state: 'completed', retryCount: 0 },
        ]);
      }
    },
    ROUNDS * 20_000,
  );
});
