import type { DeliveryRefusal } from '../schemas/export-delivery-schemas.js';
import type { ExportJob } from '../schemas/export-schemas.js';
import { ExportJobFromRowSchema } from '../schemas/export-schemas.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import { expireDeliveryWithLease, sendDelivery, settleDelivery } from './export-deliveries.js';
import type { ClaimInput } from './export-leases.js';
import { claimedBy, giveUpAbandoned } from './export-leases.js';

export interface TakeDeliveryInput extends ClaimInput {
  /** The pg-boss job a worker fetched, and the store job it names. */
  deliveryId: string;
  jobId: string;
}

/**
 * PostgreSQL: what a worker does with a delivery it fetched, in one transaction. The job is
 * claimed with a lease when it is due (queued with runAt passed, or running with an expired
 * lease), and the delivery stays active, expiring with the lease. Otherwise the delivery is
 * settled: for good when the job is done, failed or unknown; when it is not due yet (a lease
 * still held, a backoff not over), with a new delivery starting when it will be.
 */
export async function takeExportDelivery(
  ctx: StoreContext,
  input: TakeDeliveryInput,
): Promise<{ job: ExportJob } | DeliveryRefusal> {
  assertWritable(ctx, 'takeExportDelivery');
  if (ctx.conn.engine !== 'postgres') throw new Error('export deliveries exist on PostgreSQL only');
  return ctx.conn.write(async (trx) => {
    const now = nowIso(ctx);
    await giveUpAbandoned(ctx, trx, now);
    const row = await trx
      .selectFrom('export_jobs')
      .selectAll()
      .where('id', '=', input.jobId)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined || row.status === 'done' || row.status === 'failed') {
      const status = row?.status ?? 'unknown';
      await settleDelivery(trx, input.deliveryId, { status });
      return { job: null, status, deferredUntil: null };
    }
    const due = row.status === 'queued' ? row.run_at : (row.lease_expires_at ?? row.updated_at);
    if (due > now) {
      await settleDelivery(trx, input.deliveryId, { status: row.status, deferredUntil: due });
      await sendDelivery(trx, row.id, due);
      return { job: null, status: row.status, deferredUntil: due };
    }
    const claimed = await trx
      .updateTable('export_jobs')
      .set(claimedBy(ctx, input, input.deliveryId))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await expireDeliveryWithLease(trx, input.deliveryId, input.leaseMs);
    return { job: ExportJobFromRowSchema.parse(claimed) };
  });
}
