import { randomUUID } from 'node:crypto';
import type { ValidationResult } from '@leshan/report-core/model';
import { validateWith } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import type { Connection } from '../db/connection.js';
import type { Tables } from '../db/tables.js';
import type { ArtifactOfEdition } from '../schemas/export-schemas.js';
import { ArtifactFromRowSchema } from '../schemas/export-schemas.js';
import type { Regeneration, RegenerationInput } from '../schemas/regeneration-schemas.js';
import {
  RegenerationFromRowSchema,
  RegenerationInputSchema,
} from '../schemas/regeneration-schemas.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import { sendDelivery } from './export-deliveries.js';
import { queueJobsIn } from './export-jobs.js';

// Issue 12: the worker's reconcile loop keeps every edition's files whole. These are its store
// operations: queue what was never queued, list what to check, and turn requests to make a file
// again (the viewer's, or the loop's own) into queued jobs.

// Editions per transaction: 500 editions once held SQLite's write lock for seconds in one.
const QUEUE_BATCH = 25;

/** Queues every format in `formats` that an edition has no job for; returns the jobs queued. */
export async function queueMissingExports(
  ctx: StoreContext,
  formats: readonly string[],
): Promise<number> {
  assertWritable(ctx, 'queueMissingExports');
  const db = ctx.conn.db;
  const editions = await db.selectFrom('editions').select('id').orderBy('number').execute();
  const jobs = await db.selectFrom('export_jobs').select(['edition_id', 'format']).execute();
  const have = new Set(jobs.map((job) => `${job.edition_id}\n${job.format}`));
  const missing = editions
    .map(({ id }) => ({ id, formats: formats.filter((f) => !have.has(`${id}\n${f}`)) }))
    .filter((edition) => edition.formats.length > 0);
  let queued = 0;
  for (let i = 0; i < missing.length; i += QUEUE_BATCH) {
    queued += await ctx.conn.write(async (trx) => {
      let count = 0;
      for (const edition of missing.slice(i, i + QUEUE_BATCH))
        count += await insertJobs(ctx, trx, edition.id, edition.formats);
      return count;
    });
  }
  return queued;
}

// One INSERT for an edition's missing formats; a job another process queued meanwhile stays.
async function insertJobs(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  editionId: string,
  formats: readonly string[],
): Promise<number> {
  const now = nowIso(ctx);
  const rows = await trx
    .insertInto('export_jobs')
    .values(
      formats.map((format) => ({
        id: randomUUID(),
        edition_id: editionId,
        format,
        status: 'queued' as const,
        attempts: 0,
        max_attempts: ctx.jobs.maxAttempts,
        run_at: now,
        lease_owner: null,
        lease_expires_at: null,
        last_error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['edition_id', 'format']).doNothing())
    .returning('id')
    .execute();
  if (ctx.conn.engine === 'postgres') for (const row of rows) await sendDelivery(trx, row.id);
  return rows.length;
}

/** Every recorded export file with its edition's number, oldest edition first. */
export async function listAllArtifacts(ctx: StoreContext): Promise<ArtifactOfEdition[]> {
  const rows = await ctx.conn.db
    .selectFrom('artifacts')
    .innerJoin('editions', 'editions.id', 'artifacts.edition_id')
    .selectAll('artifacts')
    .select('editions.number as edition_number')
    .orderBy('editions.number')
    .orderBy('artifacts.format')
    .execute();
  return rows.map(({ edition_number, ...row }) => ({
    ...ArtifactFromRowSchema.parse(row),
    editionNumber: edition_number,
  }));
}

const notFound = (editionNumber: number): ValidationResult<never> => ({
  ok: false,
  issues: [
    {
      path: 'editionNumber',
      pathSegments: ['editionNumber'],
      message: {
        zh: `第 ${editionNumber} 版不存在`,
        en: `there is no edition ${editionNumber}`,
      },
    },
  ],
});

/**
 * Asks for one export file of an edition to be made again (it is missing, unreadable or its
 * bytes differ from the recorded size and sha256). The worker's reconcile loop takes the
 * request. Repeated requests for the same file are one request. `write` is the connection to
 * write on: a read-only store (the viewer's) passes a writable one for this table only.
 */
export async function requestRegeneration(
  ctx: StoreContext,
  write: Connection,
  input: RegenerationInput,
): Promise<ValidationResult<Regeneration>> {
  const checked = validateWith(RegenerationInputSchema, input);
  if (!checked.ok) return checked;
  const { editionNumber, format, reason } = checked.value;
  const row = await write.write(async (trx) => {
    const edition = await trx
      .selectFrom('editions')
      .select('id')
      .where('number', '=', editionNumber)
      .executeTakeFirst();
    if (edition === undefined) return null;
    const request = { edition_id: edition.id, format, reason, requested_at: nowIso(ctx) };
    return trx
      .insertInto('export_regenerations')
      .values(request)
      .onConflict((oc) =>
        oc
          .columns(['edition_id', 'format'])
          .doUpdateSet({ reason, requested_at: request.requested_at }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  if (row === null) return notFound(editionNumber);
  return { ok: true, value: RegenerationFromRowSchema.parse(row) };
}

// The job of a file to make again is queued afresh (done or failed), or inserted when missing;
// one queued or running already will produce the file.
async function requeue(ctx: StoreContext, trx: Kysely<Tables>, request: Regeneration) {
  const now = nowIso(ctx);
  const reset = await trx
    .updateTable('export_jobs')
    .set({
      status: 'queued',
      attempts: 0,
      run_at: now,
      lease_owner: null,
      lease_expires_at: null,
      last_error: null,
      finished_at: null,
      updated_at: now,
    })
    .where('edition_id', '=', request.editionId)
    .where('format', '=', request.format)
    .where('status', 'in', ['done', 'failed'])
    .returning('id')
    .executeTakeFirst();
  if (reset !== undefined) {
    if (ctx.conn.engine === 'postgres') await sendDelivery(trx, reset.id);
    return;
  }
  await queueJobsIn(ctx, trx, request.editionId, [request.format]);
}

/**
 * Takes every pending regeneration request, in one transaction: the file's artifact record is
 * dropped (the file is not what was recorded) and its job queued again. Returns the requests.
 */
export async function takeRegenerations(ctx: StoreContext): Promise<Regeneration[]> {
  assertWritable(ctx, 'takeRegenerations');
  return ctx.conn.write(async (trx) => {
    let pending = trx.selectFrom('export_regenerations').selectAll().orderBy('requested_at');
    if (ctx.conn.engine === 'postgres') pending = pending.forUpdate().skipLocked();
    const requests = (await pending.execute()).map((row) => RegenerationFromRowSchema.parse(row));
    for (const request of requests) {
      await trx
        .deleteFrom('artifacts')
        .where('edition_id', '=', request.editionId)
        .where('format', '=', request.format)
        .execute();
      await requeue(ctx, trx, request);
      await trx
        .deleteFrom('export_regenerations')
        .where('edition_id', '=', request.editionId)
        .where('format', '=', request.format)
        .execute();
    }
    return requests;
  });
}

/** Pending requests, oldest first (for tests and the admin's view of the queue). */
export async function listRegenerations(ctx: StoreContext): Promise<Regeneration[]> {
  const rows = await ctx.conn.db
    .selectFrom('export_regenerations')
    .selectAll()
    .orderBy('requested_at')
    .execute();
  return rows.map((row) => RegenerationFromRowSchema.parse(row));
}
