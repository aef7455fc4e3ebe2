import type { ExportJob, Store } from '@leshan/report-store';
import { IdSchema } from '@leshan/report-store';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { WorkerLogger } from './worker-logger.js';

/** The pg-boss queue carrying store export jobs, in pg-boss's own schema. */
export const EXPORT_QUEUE = 'export-artifact';
export const BOSS_SCHEMA = 'pgboss';

/** What a pg-boss message carries: the id of a store export job, nothing else. */
export const ExportMessageSchema = z
  .object({ jobId: IdSchema })
  .describe('pg-boss job data of the export-artifact queue: the store export job to do.');
export type ExportMessage = z.infer<typeof ExportMessageSchema>;

// The advisory lock key that serialises relays across all workers ("exportrl" as bytes).
const RELAY_LOCK = '7310312650053300844';

export interface BossTiming {
  leaseMs: number;
  /** Delay before the first retry; pg-boss doubles it per retry, with jitter (whole seconds). */
  retryDelayMs: number;
}

/**
 * pg-boss's settings derived from the store lease: a delivery expires after two leases (a live
 * worker renews its store lease meanwhile, a dead one lost it after one), and the expiry check
 * (pg-boss maintenance) runs once per lease length, at most every minute.
 */
export function bossSettings(timing: BossTiming) {
  const leaseSeconds = Math.ceil(timing.leaseMs / 1000);
  return {
    expireInSeconds: Math.max(1, 2 * leaseSeconds),
    maintenanceIntervalSeconds: Math.min(60, Math.max(1, leaseSeconds)),
    retryDelay: Math.round(timing.retryDelayMs / 1000),
    retryBackoff: true,
  };
}

export interface BossQueue {
  boss: PgBoss;
  /**
   * Sends a pg-boss message for every store job no worker holds that has no live message
   * (created, retry or active): jobs published since the last run, and jobs whose message was
   * lost or gave up before the store did. A job whose worker died (store lease expired, message
   * still active) gets its message cancelled and a new one. Returns the store job ids sent.
   */
  relay: () => Promise<string[]>;
  /** Stops pg-boss (finishing the jobs in hand when graceful) and closes both pools. */
  close: (options: { graceful: boolean; timeoutMs: number }) => Promise<void>;
}

/**
 * Starts pg-boss on the store's PostgreSQL database (creating its schema and the queue when
 * missing) with a small pool of its own for the relay's transaction.
 */
export async function openBossQueue(options: {
  databaseUrl: string;
  store: Pick<Store, 'listClaimableExportJobs'>;
  timing: BossTiming;
  /** Connections for pg-boss's fetches and completions: one per slot and two spare. */
  poolSize: number;
  logger: WorkerLogger;
}): Promise<BossQueue> {
  const { logger } = options;
  const settings = bossSettings(options.timing);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: 'export-worker',
    max: options.poolSize,
    migrate: true,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  // Without a listener an 'error' event would throw; pg-boss reports failed fetches and
  // maintenance runs here and goes on trying.
  boss.on('error', (error: unknown) => logger.warn({ err: error }, 'pg-boss error'));
  const relayPool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    application_name: 'export-worker-relay',
  });
  relayPool.on('error', (error) => logger.warn({ err: error }, 'relay connection error'));
  try {
    await boss.start();
    const queue = {
      name: EXPORT_QUEUE,
      policy: 'stately' as const,
      retryLimit: 4,
      retryDelay: settings.retryDelay,
      retryBackoff: settings.retryBackoff,
      expireInSeconds: settings.expireInSeconds,
    };
    await boss.createQueue(EXPORT_QUEUE, queue);
    await boss.updateQueue(EXPORT_QUEUE, queue);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await relayPool.end().catch(() => undefined);
    throw error;
  }

  const sendOptions = (job: ExportJob): PgBoss.SendOptions => {
    const runAt = new Date(job.runAt);
    return {
      singletonKey: job.id,
      // Deliveries left: a running job with an expired lease counts its dead attempt.
      retryLimit: Math.max(0, job.maxAttempts - job.attempts - 1),
      retryDelay: settings.retryDelay,
      retryBackoff: settings.retryBackoff,
      expireInSeconds: settings.expireInSeconds,
      ...(runAt.getTime() > Date.now() ? { startAfter: runAt } : {}),
    };
  };

  const relay = async (): Promise<string[]> => {
    // Cheap look first: most runs find nothing to do and take no lock.
    if ((await options.store.listClaimableExportJobs({ limit: 1 })).length === 0) return [];
    const client = await relayPool.connect();
    try {
      await client.query('BEGIN');
      // One relay at a time: checking for a live message and sending one must not interleave
      // with another relay, or both would send (and pg-boss's stately policy cannot activate a
      // second message for a job whose first is active: it would block the queue).
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [RELAY_LOCK]);
      // Live messages first, the store second: a message can only stop being live meanwhile
      // (only relays create them, and we hold the lock), so a job that is claimable in the store
      // now and had no live message before has none now. The other order would resend a job
      // completed between the two reads.
      const live = await client.query<{ id: string; key: string; state: string }>(
        `SELECT id, singleton_key AS key, state::text AS state FROM ${BOSS_SCHEMA}.job
          WHERE name = $1 AND state < 'completed' AND singleton_key IS NOT NULL`,
        [EXPORT_QUEUE],
      );
      const liveByKey = new Map(live.rows.map((r) => [r.key, r]));
      const jobs = await options.store.listClaimableExportJobs({ limit: 1000 });
      const db = {
        executeSql: (text: string, values: unknown[]) => client.query(text, values),
      };
      const sent: string[] = [];
      for (const job of jobs) {
        const message = liveByKey.get(job.id);
        if (message !== undefined) {
          // A running job whose store lease expired has lost its worker (a live one renews
          // every third of the lease). Its message, still active, would come back only after
          // pg-boss's expiry and retry delay: cancel it and send a new one now, so a dead
          // worker's job is taken over after LEASE_MS as on SQLite. Should that worker still
          // be alive, its lease is gone all the same, and the store refuses its result.
          if (job.status !== 'running' || message.state !== 'active') continue;
          await boss.cancel(EXPORT_QUEUE, message.id, { db });
        }
        const data: ExportMessage = { jobId: job.id };
        const id = await boss.send(EXPORT_QUEUE, data, { ...sendOptions(job), db });
        if (id !== null) sent.push(job.id);
      }
      await client.query('COMMIT');
      return sent;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const close = async ({ graceful, timeoutMs }: { graceful: boolean; timeoutMs: number }) => {
    try {
      await boss.stop({ graceful, wait: true, timeout: timeoutMs, close: true });
    } catch (error) {
      // The jobs in hand have ended by now (stop waits for them); what fails here is pg-boss's own
      // bookkeeping on the way out. The store holds every job's state and pg-boss redelivers any
      // message left active, so a stop that errs is logged, not turned into a failed exit.
      logger.warn({ err: error }, 'pg-boss did not stop cleanly');
    } finally {
      await relayPool.end().catch(() => undefined);
    }
  };

  return { boss, relay, close };
}
