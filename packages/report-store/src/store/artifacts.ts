import type { Artifact } from '../schemas/export-schemas.js';
import { ArtifactFromRowSchema } from '../schemas/export-schemas.js';
import type { StoreContext } from './context.js';

/** The exported files of an edition, by format. */
export async function listArtifacts(ctx: StoreContext, editionId: string): Promise<Artifact[]> {
  const rows = await ctx.conn.db
    .selectFrom('artifacts')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('format')
    .execute();
  return rows.map((row) => ArtifactFromRowSchema.parse(row));
}

export async function getArtifact(
  ctx: StoreContext,
  editionId: string,
  format: string,
): Promise<Artifact | null> {
  const row = await ctx.conn.db
    .selectFrom('artifacts')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('format', '=', format)
    .executeTakeFirst();
  return row === undefined ? null : ArtifactFromRowSchema.parse(row);
}
