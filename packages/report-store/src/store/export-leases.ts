import { randomUUID } from 'node:crypto';
import { toValidationIssues } from '@leshan/report-core/model';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { Artifact, ExportJob, NewArtifact } from '../schemas/export-schemas.js';
import {
  ArtifactFromRowSchema,
  ExportJobFromRowSchema,
  NewArtifactSchema,
} from '../schemas/export-schemas.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import type { StoreContext } from './context.js';
import { assertWritable, laterIso, nowIso, Rollback, writeOrRollback } from './context.js';
import { expireDeliveryWithLease, sendDelivery, settleDelivery } from './export-deliveries.js';

export interface ClaimInput {
  workerId: string;
  /** How long the worker may hold the job before another worker may claim it. */
  leaseMs: number;
}

/**
 * A claim of one named job (a queue outside the store, pg-boss, delivered it): taken when it is
 * queued, whatever its runAt (the delivering queue keeps the retry schedule), or running with an
 * expired lease. Null when it is done, failed, unknown, or another worker holds its lease.
 */
export interface ClaimByIdInput extends ClaimInput {
  jobId: string;
}

// Jobs whose worker died during their last allowed attempt: nobody may claim them again.
export async function giveUpAbandoned(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  now: string,
): Promise<void> {
  let abandoned = trx
    .selectFrom('export_jobs')
    .select('id')
    .where('status', '=', 'running')
    .where('lease_expires_at', '<=', now)
    .whereRef('attempts', '>=', 'max_attempts');
  if (ctx.conn.engine === 'postgres') abandoned = abandoned.forUpdate().skipLocked();
  await trx
    .updateTable('export_jobs')
    .set((eb) => ({
      status: 'failed',
      lease_owner: null,
      lease_expires_at: null,
      last_error: eb.fn.coalesce('last_error', eb.val('lease expired on the last attempt')),
      finished_at: now,
      updated_at: now,
    }))
    .where('id', 'in', abandoned)
    .execute();
}

/** The columns a claim sets: running, leased to the worker, one more attempt. */
export const claimedBy =
  (ctx: StoreContext, input: ClaimInput, deliveryId: string | null) =>
  (eb: ExpressionBuilder<Tables, 'export_jobs'>) => ({
    status: 'running' as const,
    lease_owner: input.workerId,
    lease_expires_at: laterIso(ctx, input.leaseMs),
    attempts: eb('attempts', '+', 1),
    delivery_id: deliveryId,
    updated_at: nowIso(ctx),
  });

/**
 * Atomically takes the oldest due job: queued with runAt passed, or running with an expired
 * lease (its worker died). One UPDATE … RETURNING; on PostgreSQL the candidate row is picked
 * with FOR UPDATE SKIP LOCKED so concurrent workers take different jobs without waiting.
 * With `jobId` (ClaimByIdInput), takes that job only, on the same terms except runAt.
 */
export async function claimExportJob(
  ctx: StoreContext,
  input: ClaimInput | ClaimByIdInput,
): Promise<ExportJob | null> {
  assertWritable(ctx, 'claimExportJob');
  const jobId = 'jobId' in input ? input.jobId : undefined;
  return ctx.conn.write(async (trx) => {
    const now = nowIso(ctx);
    await giveUpAbandoned(ctx, trx, now);
    let candidate = trx
      .selectFrom('export_jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          jobId === undefined
            ? eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)])
            : eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<=', now)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1);
    if (jobId !== undefined) candidate = candidate.where('id', '=', jobId);
    if (ctx.conn.engine === 'postgres') candidate = candidate.forUpdate().skipLocked();
    const row = await trx
      .updateTable('export_jobs')
      // Not through a delivery: the job's delivery, when it comes, finds it held (or done).
      .set(claimedBy(ctx, input, null))
      .where('id', '=', candidate)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? null : ExportJobFromRowSchema.parse(row);
  });
}

// The lease is held: this worker owns the running job and its lease has not expired.
const heldBy =
  (jobId: string, workerId: string, now: string) =>
  (eb: ExpressionBuilder<Tables, 'export_jobs'>) =>
    eb.and([
      eb('id', '=', jobId),
      eb('lease_owner', '=', workerId),
      eb('status', '=', 'running'),
      eb('lease_expires_at', '>', now),
    ]);

/** Extends a lease the worker still holds; false when it was lost (expired or taken over). */
export async function renewLease(
  ctx: StoreContext,
  input: ClaimInput & { jobId: string },
): Promise<boolean> {
  assertWritable(ctx, 'renewLease');
  return ctx.conn.write(async (trx) => {
    const now = nowIso(ctx);
    const row = await trx
      .updateTable('export_jobs')
      .where(heldBy(input.jobId, input.workerId, now))
      .set({ lease_expires_at: laterIso(ctx, input.leaseMs), updated_at: now })
      .returning('delivery_id')
      .executeTakeFirst();
    if (row === undefined) return false;
    // PostgreSQL: the delivery in hand expires with the lease, not before.
    if (ctx.conn.engine === 'postgres')
      await expireDeliveryWithLease(trx, row.delivery_id, input.leaseMs);
    return true;
  });
}

const leaseLost = (): Refusal =>
  refuse(
    'lease-lost',
    '任务租约已失效，结果作废',
    'the job lease is no longer held by this worker; discard the result',
  );

/**
 * Marks the job done and records its artifact, in one transaction, only while the worker still
 * holds the lease. The unique (edition, format) constraint makes the artifact exactly-once.
 */
export async function completeExportJob(
  ctx: StoreContext,
  jobId: string,
  workerId: string,
  artifact: NewArtifact,
): Promise<{ ok: true; job: ExportJob; artifact: Artifact } | Refusal> {
  assertWritable(ctx, 'completeExportJob');
  const parsed = NewArtifactSchema.safeParse(artifact);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '导出文件信息不正确',
      'invalid artifact',
      toValidationIssues(parsed.error.issues),
    );
  }
  return writeOrRollback(ctx, async (trx) => {
    const now = nowIso(ctx);
    const job = await trx
      .updateTable('export_jobs')
      .where(heldBy(jobId, workerId, now))
      .set({
        status: 'done',
        lease_owner: null,
        lease_expires_at: null,
        last_error: null,
        finished_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirst();
    if (job === undefined) return leaseLost();
    const row = await trx
      .insertInto('artifacts')
      .values({
        id: randomUUID(),
        job_id: job.id,
        edition_id: job.edition_id,
        format: job.format,
        file_name: parsed.data.fileName,
        path: parsed.data.path,
        media_type: parsed.data.mediaType,
        size: parsed.data.size,
        sha256: parsed.data.sha256,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['edition_id', 'format']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) {
      throw new Rollback(
        refuse(
          'already-exported',
          '该格式已导出',
          `edition ${job.edition_id} already has a ${job.format} file`,
        ),
      );
    }
    if (ctx.conn.engine === 'postgres')
      await settleDelivery(trx, job.delivery_id, { status: 'done' });
    return {
      ok: true as const,
      job: ExportJobFromRowSchema.parse(job),
      artifact: ArtifactFromRowSchema.parse(row),
    };
  });
}

/**
 * Records a failed attempt while the worker holds the lease: the job is queued again after an
 * exponential backoff (backoffMs · 2^(attempts-1), capped), or ends `failed` with the error once
 * maxAttempts claims were used.
 */
export async function failExportJob(
  ctx: StoreContext,
  jobId: string,
  workerId: string,
  error: string,
): Promise<{ ok: true; job: ExportJob } | Refusal> {
  assertWritable(ctx, 'failExportJob');
  const message = error.slice(0, 4000) || 'unknown error';
  return ctx.conn.write(async (trx) => {
    const now = nowIso(ctx);
    const current = await trx
      .selectFrom('export_jobs')
      .selectAll()
      .where(heldBy(jobId, workerId, now))
      .executeTakeFirst();
    if (current === undefined) return leaseLost();
    const last = current.attempts >= current.max_attempts;
    const delay = Math.min(
      ctx.jobs.backoffCapMs,
      ctx.jobs.backoffMs * 2 ** Math.max(0, current.attempts - 1),
    );
    const row = await trx
      .updateTable('export_jobs')
      .set({
        status: last ? 'failed' : 'queued',
        run_at: last ? current.run_at : laterIso(ctx, delay),
        lease_owner: null,
        lease_expires_at: null,
        last_error: message,
        finished_at: last ? now : null,
        updated_at: now,
      })
      .where('id', '=', jobId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (ctx.conn.engine === 'postgres') {
      // The attempt's delivery ends with the attempt; a retry gets its own, due at the backoff.
      await settleDelivery(trx, current.delivery_id, { status: row.status, error: message });
      if (!last) await sendDelivery(trx, jobId, row.run_at);
    }
    return { ok: true as const, job: ExportJobFromRowSchema.parse(row) };
  });
}
