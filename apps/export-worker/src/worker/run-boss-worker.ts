import type { ExportJob, Store } from '@leshan/report-store';
import { ExportDeliverySchema } from '@leshan/report-store';
import type PgBoss from 'pg-boss';
import type { BossQueue } from './boss-queue.js';
import { openBossQueue } from './boss-queue.js';
import type { WorkerOptions, WorkerStats } from './run-worker.js';
import { runSlots } from './run-worker.js';
import type { WorkerLogger } from './worker-logger.js';

export interface BossWorkerOptions extends WorkerOptions {
  /** The store's PostgreSQL database; pg-boss keeps its schema there. */
  databaseUrl: string;
}

/**
 * Takes export jobs from pg-boss until `signal` aborts. Each slot fetches one delivery at a
 * time (polling every `pollMs` when none is due) and hands it to the store, which claims its
 * job or settles it (`takeExportDelivery`); the job's attempt then ends in the store
 * transaction that also settles the delivery, so pg-boss and the store never disagree.
 */
export async function runBossWorker(options: BossWorkerOptions): Promise<WorkerStats> {
  const { logger } = options;
  const queue = await openBossQueue({
    databaseUrl: options.databaseUrl,
    leaseMs: options.leaseMs,
    poolSize: Math.max(1, options.concurrency ?? 1) + 1,
    logger,
  }).catch((error: unknown) => {
    logger.error({ err: error }, 'cannot start pg-boss');
    throw error;
  });
  try {
    return await runSlots(options, async (owner) => {
      const delivery = await queue.fetch();
      if (delivery === null) return 'none';
      return (
        (await take(options.store, queue, logger, owner, delivery, options.leaseMs)) ?? 'again'
      );
    });
  } finally {
    await queue.close();
  }
}

/**
 * One delivery: parse it and let the store claim its job. A delivery that is not `{ jobId }` is
 * logged and dropped (completed, never retried); one whose job is done, failed, unknown or not
 * due yet was settled by the store (and, not due yet, sent again for when it will be).
 */
async function take(
  store: Pick<Store, 'takeExportDelivery'>,
  queue: BossQueue,
  logger: WorkerLogger,
  owner: string,
  delivery: PgBoss.Job<unknown>,
  leaseMs: number,
): Promise<ExportJob | null> {
  const parsed = ExportDeliverySchema.safeParse(delivery.data);
  if (!parsed.success) {
    logger.error(
      { bossJobId: delivery.id, issues: parsed.error.issues.map((i) => i.message) },
      'bad pg-boss message dropped',
    );
    await queue.drop(delivery.id, 'not an export delivery');
    return null;
  }
  const { jobId } = parsed.data;
  const taken = await store.takeExportDelivery({
    deliveryId: delivery.id,
    jobId,
    workerId: owner,
    leaseMs,
  });
  if (taken.job === null) {
    logger.info(
      { jobId, bossJobId: delivery.id, status: taken.status, deferredUntil: taken.deferredUntil },
      'message acknowledged; the job is not claimable',
    );
  }
  return taken.job;
}
