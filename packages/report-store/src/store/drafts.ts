import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { Draft, DraftRow, Revision, RevisionSummary } from '../schemas/draft-schemas.js';
import {
  DraftFromRowSchema,
  RevisionFromRowSchema,
  RevisionSummaryFromRowSchema,
} from '../schemas/draft-schemas.js';
import type { StoreContext } from './context.js';

/** The draft row inside a write transaction; on PostgreSQL locked until the transaction ends. */
export async function lockDraftRow(
  ctx: StoreContext,
  trx: Kysely<Tables>,
): Promise<DraftRow | undefined> {
  const query = trx.selectFrom('draft').selectAll().where('id', '=', 1);
  return (ctx.conn.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** The working draft, or null before the store is seeded. */
export async function getDraft(ctx: StoreContext): Promise<Draft | null> {
  const row = await ctx.conn.db
    .selectFrom('draft')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  return row === undefined ? null : DraftFromRowSchema.parse(row);
}

/** A revision with the report as it was after it, or null. */
export async function getRevision(ctx: StoreContext, revision: number): Promise<Revision | null> {
  const row = await ctx.conn.db
    .selectFrom('revisions')
    .selectAll()
    .where('number', '=', revision)
    .executeTakeFirst();
  return row === undefined ? null : RevisionFromRowSchema.parse(row);
}

const summaryColumns = [
  'number',
  'kind',
  'author',
  'created_at',
  'commands',
  'touched',
  'report_hash',
] as const;

/** Revisions newest first, without reports; `before` pages back through history. */
export async function listRevisions(
  ctx: StoreContext,
  options: { limit?: number; before?: number } = {},
): Promise<RevisionSummary[]> {
  let query = ctx.conn.db
    .selectFrom('revisions')
    .select(summaryColumns)
    .orderBy('number', 'desc')
    .limit(Math.max(1, Math.min(options.limit ?? 50, 500)));
  if (options.before !== undefined) query = query.where('number', '<', options.before);
  const rows = await query.execute();
  return rows.map((row) => RevisionSummaryFromRowSchema.parse(row));
}

/** Revisions after `revision`, oldest first: what an editor must rebase over. */
export async function revisionsSince(
  ctx: StoreContext,
  revision: number,
): Promise<RevisionSummary[]> {
  const rows = await ctx.conn.db
    .selectFrom('revisions')
    .select(summaryColumns)
    .where('number', '>', revision)
    .orderBy('number')
    .execute();
  return rows.map((row) => RevisionSummaryFromRowSchema.parse(row));
}

/** Node ids touched by revisions after `revision`, read inside the write transaction. */
export async function touchedSince(trx: Kysely<Tables>, revision: number): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('revisions')
    .select('touched')
    .where('number', '>', revision)
    .execute();
  const ids = new Set<string>();
  for (const row of rows) for (const id of JSON.parse(row.touched) as string[]) ids.add(id);
  return ids;
}
