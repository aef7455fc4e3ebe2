import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExportJob, Store } from '@leshan/report-store';
import type { RenderedFile } from '../formats.js';
import { renderFormat } from '../formats.js';
import type { ExportInput, FormatId } from '../schemas.js';
import { editionInputs } from './edition-inputs.js';
import type { JobOutcome } from './process-job.js';
import { processJob } from './process-job.js';
import type { WorkerLogger } from './worker-logger.js';

export interface WorkerOptions {
  store: Store;
  /** Files go to `<outDir>/<editionId>/<fileName>`. */
  outDir: string;
  /** Shown in leases and logs. */
  workerId: string;
  leaseMs: number;
  /** Pause before the next claim when no job was due (or the database did not answer). */
  pollMs: number;
  /** Aborting stops claiming; jobs being rendered are finished, then runWorker resolves. */
  signal: AbortSignal;
  logger: WorkerLogger;
  /** Jobs rendered at once in this process (default 1). */
  concurrency?: number;
  /** Renders one file; renderFormat unless a test stands in for it. */
  render?: (input: ExportInput, format: FormatId) => Promise<RenderedFile>;
}

export type WorkerStats = Record<JobOutcome, number>;

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

/**
 * What a slot asks for its next job: a job it has claimed, `'none'` when nothing is due (it
 * pauses `pollMs`), or `'again'` when it handled something without a job (it asks again at once).
 */
export type TakeJob = (owner: string) => Promise<ExportJob | 'none' | 'again'>;

/**
 * Takes export jobs from the store until `signal` aborts: claim → render → place the file →
 * complete (or fail, to be retried by the store). Each slot holds leases under its own owner id
 * (`<workerId>#<slot>.<run>`), so two slots, or a restarted process reusing WORKER_ID, can never
 * complete each other's jobs.
 */
export function runWorker(options: WorkerOptions): Promise<WorkerStats> {
  return runSlots(
    options,
    async (owner) =>
      (await options.store.claimExportJob({ workerId: owner, leaseMs: options.leaseMs })) ?? 'none',
  );
}

/** The slots of a worker, whichever way they take jobs (the store's queue, or pg-boss). */
export async function runSlots(options: WorkerOptions, take: TakeJob): Promise<WorkerStats> {
  const { store, logger, signal } = options;
  const stats: WorkerStats = { done: 0, retrying: 0, failed: 0, lost: 0 };
  const run = randomBytes(3).toString('hex');
  const deps = {
    store,
    outDir: options.outDir,
    leaseMs: options.leaseMs,
    logger,
    loadEdition: editionInputs(store),
    render: options.render ?? renderFormat,
  };

  const slot = async (index: number): Promise<void> => {
    const owner = `${options.workerId}#${index}.${run}`;
    let idleMs = options.pollMs;
    while (!signal.aborted) {
      try {
        const job = await take(owner);
        if (job === 'none') await pause(options.pollMs, signal);
        if (typeof job === 'string') continue;
        logger.info(
          {
            jobId: job.id,
            editionId: job.editionId,
            format: job.format,
            attempt: job.attempts,
            owner,
          },
          'job claimed',
        );
        stats[await processJob(deps, job, owner)] += 1;
        idleMs = options.pollMs;
      } catch (error) {
        // The database is away: back off (doubling, at most a minute) and keep trying.
        logger.error({ err: error, owner, retryInMs: idleMs }, 'queue unavailable');
        await pause(idleMs, signal);
        idleMs = Math.min(idleMs * 2, 60_000);
      }
    }
  };

  logger.info(
    { workerId: options.workerId, outDir: options.outDir, concurrency: options.concurrency ?? 1 },
    'worker running',
  );
  const slots = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, (_, i) => slot(i));
  await Promise.all(slots);
  logger.info({ workerId: options.workerId, ...stats }, 'worker stopped');
  return stats;
}
