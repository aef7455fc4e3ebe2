import { BOSS_SCHEMA, EXPORT_QUEUE } from '@leshan/report-store';
import PgBoss from 'pg-boss';
import type { WorkerLogger } from './worker-logger.js';

export interface BossQueue {
  /** The next due delivery of the export queue, made active; null when none is due. */
  fetch: () => Promise<PgBoss.Job<unknown> | null>;
  /** Completes a delivery that names no store job (the store settles all others). */
  drop: (deliveryId: string, reason: string) => Promise<void>;
  /** Stops pg-boss's maintenance and closes its pool. */
  close: () => Promise<void>;
}

/**
 * pg-boss on the store's PostgreSQL database, for fetching deliveries and for its maintenance
 * (which turns a delivery whose lease expired, its worker dead, back into a due one): every third
 * of a lease, at most every minute, once across all workers. Its schema and the queue were made by the store's
 * migration; this only checks they are there (`migrate: false`) and creates nothing.
 */
export async function openBossQueue(options: {
  databaseUrl: string;
  leaseMs: number;
  /** Connections for fetches and maintenance: one per slot and one spare. */
  poolSize: number;
  logger: WorkerLogger;
}): Promise<BossQueue> {
  const { logger } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: 'export-worker',
    max: options.poolSize,
    migrate: false,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: Math.min(60, Math.max(1, Math.ceil(options.leaseMs / 3000))),
  });
  // Without a listener an 'error' event would throw; pg-boss reports failed maintenance runs
  // here and goes on trying.
  boss.on('error', (error: unknown) => logger.warn({ err: error }, 'pg-boss error'));
  await boss.start();
  return {
    fetch: async () => {
      const [delivery] = await boss.fetch(EXPORT_QUEUE, { batchSize: 1 });
      return delivery ?? null;
    },
    drop: async (deliveryId, reason) => {
      await boss.complete(EXPORT_QUEUE, deliveryId, { dropped: reason });
    },
    close: async () => {
      try {
        await boss.stop({ graceful: false, wait: true, close: true });
      } catch (error) {
        // Only pg-boss's own bookkeeping on the way out can fail here: no job is in hand.
        logger.warn({ err: error }, 'pg-boss did not stop cleanly');
      }
    },
  };
}
