import type { Edition, EditionSummary } from '../schemas/edition-schemas.js';
import { EditionFromRowSchema, EditionSummaryFromRowSchema } from '../schemas/edition-schemas.js';
import type { StoreContext } from './context.js';

const summaryColumns = [
  'id',
  'number',
  'content_hash',
  'published_by',
  'published_at',
  'draft_revision',
  'change_summary',
] as const;

/** The newest published edition, or null when nothing is published. */
export async function latestEdition(ctx: StoreContext): Promise<Edition | null> {
  const row = await ctx.conn.db
    .selectFrom('editions')
    .selectAll()
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : EditionFromRowSchema.parse(row);
}

/**
 * An edition by id or by content hash (64 hex digits; when several editions share a hash,
 * the newest), or null.
 */
export async function getEdition(ctx: StoreContext, idOrHash: string): Promise<Edition | null> {
  const byHash = /^[0-9a-f]{64}$/.test(idOrHash);
  const row = await ctx.conn.db
    .selectFrom('editions')
    .selectAll()
    .where(byHash ? 'content_hash' : 'id', '=', idOrHash)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : EditionFromRowSchema.parse(row);
}

export async function getEditionByNumber(
  ctx: StoreContext,
  number: number,
): Promise<Edition | null> {
  const row = await ctx.conn.db
    .selectFrom('editions')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirst();
  return row === undefined ? null : EditionFromRowSchema.parse(row);
}

/** Every edition, newest first, without reports. */
export async function listEditions(ctx: StoreContext): Promise<EditionSummary[]> {
  const rows = await ctx.conn.db
    .selectFrom('editions')
    .select(summaryColumns)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => EditionSummaryFromRowSchema.parse(row));
}
