import { randomUUID } from 'node:crypto';
import { toValidationIssues } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from '../db/tables.js';
import type { ExportJob, ExportJobRow } from '../schemas/export-schemas.js';
import { ExportFormatIdSchema, ExportJobFromRowSchema } from '../schemas/export-schemas.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import { sendDelivery } from './export-deliveries.js';

const toJob = (row: ExportJobRow): ExportJob => ExportJobFromRowSchema.parse(row);

const FormatsSchema = z.array(ExportFormatIdSchema).min(1);

/**
 * Queues one job per format for an edition. A format already queued, running or done is left
 * alone; a failed one is queued again from scratch. Returns the edition's jobs for `formats`.
 */
export async function enqueueExportJobs(
  ctx: StoreContext,
  editionId: string,
  formats: readonly string[],
  options: { maxAttempts?: number } = {},
): Promise<{ ok: true; jobs: ExportJob[] } | Refusal> {
  assertWritable(ctx, 'enqueueExportJobs');
  const parsed = FormatsSchema.safeParse(formats);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '导出格式不正确',
      'invalid export formats',
      toValidationIssues(parsed.error.issues),
    );
  }
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? ctx.jobs.maxAttempts));
  const wanted = [...new Set(parsed.data)];
  const jobs = await ctx.conn.write(async (trx) => {
    const edition = await trx
      .selectFrom('editions')
      .select('id')
      .where('id', '=', editionId)
      .executeTakeFirst();
    if (edition === undefined) return null;
    await queueJobsIn(ctx, trx, editionId, wanted, maxAttempts);
    return trx
      .selectFrom('export_jobs')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('format', 'in', wanted)
      .orderBy('created_at')
      .orderBy('format')
      .execute();
  });
  if (jobs === null) return refuse('not-found', '该发布版本不存在', `no edition ${editionId}`);
  return { ok: true, jobs: jobs.map(toJob) };
}

/**
 * Inside a write transaction: queues `formats` of an edition (anew, or again when failed) and,
 * on PostgreSQL, sends each queued job's pg-boss delivery in the same transaction. Publishing
 * calls it in the publishing transaction (issue 12), so an edition never exists without its jobs.
 */
export async function queueJobsIn(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  editionId: string,
  formats: readonly string[],
  maxAttempts = ctx.jobs.maxAttempts,
): Promise<number> {
  const now = nowIso(ctx);
  const fresh = {
    status: 'queued' as const,
    attempts: 0,
    max_attempts: Math.max(1, Math.floor(maxAttempts)),
    run_at: now,
    updated_at: now,
  };
  let queuedCount = 0;
  for (const format of formats) {
    const queued = await trx
      .insertInto('export_jobs')
      .values({
        id: randomUUID(),
        edition_id: editionId,
        format,
        ...fresh,
        lease_owner: null,
        lease_expires_at: null,
        last_error: null,
        created_at: now,
        finished_at: null,
      })
      .onConflict((oc) =>
        oc
          .columns(['edition_id', 'format'])
          .doUpdateSet({
            ...fresh,
            lease_owner: null,
            lease_expires_at: null,
            last_error: null,
            finished_at: null,
          })
          .where('export_jobs.status', '=', 'failed'),
      )
      .returning('id')
      .executeTakeFirst();
    if (queued === undefined) continue;
    queuedCount += 1;
    // PostgreSQL: a job queued (anew or again) is sent to pg-boss in the same transaction.
    if (ctx.conn.engine === 'postgres') await sendDelivery(trx, queued.id);
  }
  return queuedCount;
}

/** Jobs of an edition (or all jobs), oldest first. */
export async function listExportJobs(ctx: StoreContext, editionId?: string): Promise<ExportJob[]> {
  let query = ctx.conn.db.selectFrom('export_jobs').selectAll();
  if (editionId !== undefined) query = query.where('edition_id', '=', editionId);
  const rows = await query.orderBy('created_at').orderBy('format').execute();
  return rows.map(toJob);
}

export async function getExportJob(ctx: StoreContext, jobId: string): Promise<ExportJob | null> {
  const row = await ctx.conn.db
    .selectFrom('export_jobs')
    .selectAll()
    .where('id', '=', jobId)
    .executeTakeFirst();
  return row === undefined ? null : toJob(row);
}
