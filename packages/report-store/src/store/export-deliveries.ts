import type { Kysely } from 'kysely';
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { BOSS_SCHEMA, EXPORT_QUEUE } from '../db/export-queue.js';
import type { ExportDelivery } from '../schemas/export-delivery-schemas.js';

// On PostgreSQL each claimable export job has one pg-boss job, its *delivery*, and the two only
// change together: every store transaction that makes a job claimable sends its delivery, and
// every one that records an attempt's end settles (completes) the delivery it was on. pg-boss
// decides who tries a job next; the store row is the job's state.

// pg-boss needs an instance for its SQL; every call here passes the transaction as `db`.
const boss = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('pg-boss used without a transaction')) },
  schema: BOSS_SCHEMA,
});

/** A transaction of either store table type: all these helpers need is raw SQL. */
export type SqlRunner = Pick<Kysely<unknown>, 'executeQuery'>;

const inTransaction = (trx: SqlRunner) => ({
  executeSql: async (text: string, values: unknown[] = []) => {
    const result = await trx.executeQuery(CompiledQuery.raw(text, values));
    return { rows: result.rows };
  },
});

/**
 * Sends the delivery of a job that just became claimable (at `startAfter`, default now). It
 * never gives up and is kept for ten years: the store's attempts decide when the job ends, and
 * an unclaimed delivery a dead worker fetched expires after a minute and comes back.
 */
export async function sendDelivery(
  trx: SqlRunner,
  jobId: string,
  startAfter?: string,
): Promise<void> {
  const data: ExportDelivery = { jobId };
  await boss.send(EXPORT_QUEUE, data, {
    db: inTransaction(trx),
    singletonKey: jobId,
    retryLimit: 1_000_000,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 60,
    retentionDays: 3650,
    ...(startAfter === undefined ? {} : { startAfter: new Date(startAfter) }),
  });
}

/** Completes a delivery, with what the store made of it; one no longer active is left alone. */
export async function settleDelivery(
  trx: SqlRunner,
  deliveryId: string | null,
  outcome: Record<string, string>,
): Promise<void> {
  if (deliveryId === null) return;
  await boss.complete(EXPORT_QUEUE, deliveryId, outcome, { db: inTransaction(trx) });
}

/**
 * Makes an active delivery expire when the claim's lease does, so pg-boss's maintenance hands a
 * dead worker's job back after the lease, not after pg-boss's default. pg-boss 10 has no call
 * for this: the one write of its table outside its API (`expire_in`, schema version 24).
 */
export async function expireDeliveryWithLease(
  trx: SqlRunner,
  deliveryId: string | null,
  leaseMs: number,
): Promise<void> {
  if (deliveryId === null) return;
  await trx.executeQuery(
    CompiledQuery.raw(
      `UPDATE ${BOSS_SCHEMA}.job SET expire_in = (now() - started_on) + $3 * interval '1 millisecond'
        WHERE name = $1 AND id = $2::uuid AND state = 'active'`,
      [EXPORT_QUEUE, deliveryId, Math.max(1000, leaseMs)],
    ),
  );
}

/** Store jobs left claimable without a live delivery (a database of the relay's release). */
export async function sendMissingDeliveries(trx: SqlRunner): Promise<number> {
  const result = await trx.executeQuery<{ id: string }>(
    CompiledQuery.raw(
      `SELECT j.id FROM export_jobs j
        WHERE j.status IN ('queued', 'running')
          AND NOT EXISTS (SELECT 1 FROM ${BOSS_SCHEMA}.job d
                           WHERE d.name = $1 AND d.singleton_key = j.id AND d.state < 'completed')
        ORDER BY j.run_at, j.id`,
      [EXPORT_QUEUE],
    ),
  );
  for (const row of result.rows) await sendDelivery(trx, row.id);
  return result.rows.length;
}
