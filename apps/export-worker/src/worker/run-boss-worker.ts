import { randomBytes } from 'node:crypto';
import type { Store } from '@leshan/report-store';
import type PgBoss from 'pg-boss';
import { renderFormat } from '../formats.js';
import { EXPORT_QUEUE, ExportMessageSchema, bossSettings, openBossQueue } from './boss-queue.js';
import { editionInputs } from './edition-inputs.js';
import { processJob } from './process-job.js';
import type { WorkerOptions, WorkerStats } from './run-worker.js';

export interface BossWorkerOptions extends WorkerOptions {
  /** The store's PostgreSQL database; pg-boss keeps its schema there. */
  databaseUrl: string;
  /** First retry delay after a failed attempt (the store's backoff uses the same). */
  retryDelayMs: number;
  /** How long a graceful stop waits for the jobs in hand. */
  stopTimeoutMs: number;
}

/**
 * Takes export jobs from pg-boss until `signal` aborts. Each message names a store job; the
 * store claim (by id, with a lease) still decides who does it, and completion plus artifact
 * stay one store transaction. A failed attempt is recorded in the store and thrown to pg-boss,
 * which delivers again after its backoff. Every `pollMs` (and at start) the relay sends the
 * store jobs that have no live message, so nothing queued in the store is ever left behind.
 */
export async function runBossWorker(options: BossWorkerOptions): Promise<WorkerStats> {
  const { store, logger, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const stats: WorkerStats = { done: 0, retrying: 0, failed: 0, lost: 0 };
  const queue = await openBossQueue({
    databaseUrl: options.databaseUrl,
    store,
    timing: { leaseMs: options.leaseMs, retryDelayMs: options.retryDelayMs },
    poolSize: concurrency + 2,
    logger,
  }).catch((error: unknown) => {
    logger.error({ err: error }, 'cannot start pg-boss');
    throw error;
  });
  const run = randomBytes(3).toString('hex');
  const deps = {
    store,
    outDir: options.outDir,
    leaseMs: options.leaseMs,
    logger,
    loadEdition: editionInputs(store),
    render: options.render ?? renderFormat,
  };
  const slotIds: (string | undefined)[] = [];
  const wakeSlots = (): void => {
    for (const id of slotIds) if (id !== undefined) queue.boss.notifyWorker(id);
  };

  const handler =
    (slot: number) =>
    async (messages: PgBoss.Job<unknown>[]): Promise<void> => {
      const owner = `${options.workerId}#${slot}.${run}`;
      for (const message of messages) {
        let delivery: DeliveryResult;
        try {
          delivery = await deliver(store, deps, owner, message);
        } catch (error) {
          // The store is away: pg-boss delivers the message again after its backoff.
          logger.error({ err: error, bossJobId: message.id, owner }, 'delivery failed; will retry');
          throw error;
        }
        // Take the next message at once instead of after the polling pause.
        const id = slotIds[slot];
        if (id !== undefined) queue.boss.notifyWorker(id);
        if (delivery.kind !== 'processed') continue;
        stats[delivery.outcome] += 1;
        if (delivery.error !== undefined) throw new Error(delivery.error);
      }
    };

  // One relay at a time in this process; a tick that finds one running is skipped.
  let relaying: Promise<void> | undefined;
  const relayOnce = async (): Promise<void> => {
    try {
      const sent = await queue.relay();
      if (sent.length > 0) {
        logger.info({ jobs: sent.length }, 'store jobs sent to pg-boss');
        wakeSlots();
      }
    } catch (error) {
      logger.error({ err: error }, 'relay to pg-boss failed; retrying');
    }
  };
  const relay = (): Promise<void> =>
    (relaying ??= relayOnce().finally(() => {
      relaying = undefined;
    }));

  let relayTimer: NodeJS.Timeout | undefined;
  try {
    await relay();
    const pollingIntervalSeconds = Math.max(0.5, options.pollMs / 1000);
    for (let slot = 0; slot < concurrency; slot += 1) {
      slotIds[slot] = await queue.boss.work(
        EXPORT_QUEUE,
        { batchSize: 1, pollingIntervalSeconds },
        handler(slot),
      );
    }
    logger.info(
      {
        workerId: options.workerId,
        outDir: options.outDir,
        concurrency,
        queue: 'pg-boss',
        ...bossSettings({ leaseMs: options.leaseMs, retryDelayMs: options.retryDelayMs }),
      },
      'worker running',
    );
    relayTimer = setInterval(() => void relay(), options.pollMs);
    if (!signal.aborted) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    }
  } finally {
    clearInterval(relayTimer);
    await relaying;
    // Stop fetching, wait for the jobs in hand (failing them back to pg-boss after the timeout).
    await queue.close({ graceful: true, timeoutMs: options.stopTimeoutMs });
  }
  logger.info({ workerId: options.workerId, ...stats }, 'worker stopped');
  return stats;
}

type Deps = Parameters<typeof processJob>[0];

type DeliveryResult =
  | { kind: 'bad-message' | 'not-claimable' }
  | { kind: 'processed'; outcome: keyof WorkerStats; error?: string };

/**
 * One pg-boss message: parse it, claim its store job, do it. A message that is not
 * `{ jobId }` is logged and dropped (acknowledged, never retried), as is one whose job is
 * done, failed for good, unknown, or held by a live worker (whose lease, if it dies, expires
 * and makes the relay send the job again).
 */
async function deliver(
  store: Pick<Store, 'claimExportJob' | 'getExportJob'>,
  deps: Deps,
  owner: string,
  message: PgBoss.Job<unknown>,
): Promise<DeliveryResult> {
  const parsed = ExportMessageSchema.safeParse(message.data);
  if (!parsed.success) {
    deps.logger.error(
      { bossJobId: message.id, issues: parsed.error.issues.map((i) => i.message) },
      'bad pg-boss message dropped',
    );
    return { kind: 'bad-message' };
  }
  const { jobId } = parsed.data;
  const job = await store.claimExportJob({ jobId, workerId: owner, leaseMs: deps.leaseMs });
  if (job === null) {
    const current = await store.getExportJob(jobId);
    deps.logger.info(
      {
        jobId,
        bossJobId: message.id,
        status: current?.status ?? 'unknown',
        leaseOwner: current?.leaseOwner ?? null,
      },
      'message acknowledged; the job is not claimable',
    );
    return { kind: 'not-claimable' };
  }
  deps.logger.info(
    {
      jobId: job.id,
      editionId: job.editionId,
      format: job.format,
      attempt: job.attempts,
      owner,
      bossJobId: message.id,
    },
    'job claimed',
  );
  const outcome = await processJob(deps, job, owner);
  if (outcome !== 'retrying' && outcome !== 'failed') return { kind: 'processed', outcome };
  // Thrown to pg-boss with the store's error: it retries after its backoff, or keeps it as the
  // failed message's output.
  const after = await store.getExportJob(job.id);
  return { kind: 'processed', outcome, error: after?.lastError ?? 'attempt failed' };
}
