// Publish → every file done, through the real worker process (src/main.ts), on SQLite (the
// store's queue) and on PostgreSQL (pg-boss), at the default POLL_MS and at a short one. Both
// workers run at once and the runs alternate between them, so the machine's load hits both.
// `pnpm --filter export-worker bench queue`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchRow } from '@leshan/bench';
import type { Edition, Store } from '@leshan/report-store';
import { openStore } from '@leshan/report-store';
import { createDatabase, startPostgres } from '@leshan/testing/postgres';
import { FORMAT_IDS } from '../src/schemas.js';
import type { WorkerProcess } from '../src/testing/worker-process.js';
import { startWorkerProcess, storeEnv } from '../src/testing/worker-process.js';

const RUNS = 7;

async function allDone(store: Store, editionId: string): Promise<void> {
  for (;;) {
    const jobs = await store.listExportJobs(editionId);
    if (jobs.length === FORMAT_IDS.length && jobs.every((j) => j.status === 'done')) return;
    if (jobs.some((j) => j.status === 'failed')) throw new Error('an export failed');
    await sleep(50);
  }
}

interface Setup {
  name: string;
  store: Store;
  worker: WorkerProcess;
  seeded: Edition;
  samples: number[];
}

async function setUp(
  name: string,
  target: { sqliteFile?: string; databaseUrl?: string },
  outDir: string,
  pollMs: number,
): Promise<Setup> {
  const store = await openStore(target);
  const worker = startWorkerProcess({
    ...storeEnv(target),
    EXPORT_DIR: outDir,
    POLL_MS: String(pollMs),
    LOG_LEVEL: 'info',
  });
  await worker.waitForLog((l) => l.msg === 'worker running');
  const seeded = await store.latestEdition();
  if (seeded === null) throw new Error('no edition');
  await allDone(store, seeded.id); // the worker queues the latest edition at start: warm-up
  return { name, store, worker, seeded, samples: [] };
}

/** Milliseconds from the publish call to the last of its jobs done, one idle worker. */
async function publishToDone(setup: Setup, run: number): Promise<number> {
  const { store, seeded } = setup;
  const report = { ...seeded.report, meta: { ...seeded.report.meta, title: `基准 ${run}` } };
  const started = performance.now();
  const published = await store.publishReport({ report, publishedBy: 'bench' });
  if (!published.ok) throw new Error(published.error.message.en);
  await store.enqueueExportJobs(published.edition.id, FORMAT_IDS); // as the admin app does
  await allDone(store, published.edition.id);
  return performance.now() - started;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function bench(): Promise<BenchRow[]> {
  const cluster = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
  const rows: BenchRow[] = [];
  try {
    for (const pollMs of [2_000, 100]) {
      const setups = [
        await setUp(
          'SQLite, store queue',
          { sqliteFile: join(dir, `store-${pollMs}.db`) },
          join(dir, `out-sqlite-${pollMs}`),
          pollMs,
        ),
        await setUp(
          'PostgreSQL, pg-boss',
          { databaseUrl: await createDatabase(cluster.url('postgres')) },
          join(dir, `out-pg-${pollMs}`),
          pollMs,
        ),
      ];
      try {
        for (let run = 0; run < RUNS; run += 1) {
          for (const setup of setups) {
            await sleep(pollMs * 1.5); // idle, as a worker is when someone publishes
            setup.samples.push(await publishToDone(setup, run));
          }
        }
      } finally {
        for (const { worker, store } of setups) {
          worker.process.kill('SIGTERM');
          await worker.exited;
          await store.close();
        }
      }
      for (const { name, samples } of setups) {
        rows.push({
          name: `publish → ${FORMAT_IDS.length} files done (${name}, POLL_MS ${pollMs}): median of ${RUNS}`,
          value: median(samples),
          unit: 'ms',
        });
        rows.push({ name: `  same, fastest`, value: Math.min(...samples), unit: 'ms' });
        rows.push({ name: `  same, slowest`, value: Math.max(...samples), unit: 'ms' });
      }
    }
  } finally {
    await cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
