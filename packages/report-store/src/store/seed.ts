import { formatIssues, validateReport } from '@leshan/report-core/model';
import type { ReadonlyReport } from '@leshan/report-core/model';
import { sql } from 'kysely';
import { StoreOpenError } from '../db/connection.js';
import type { StoreContext } from './context.js';
import { nowIso } from './context.js';
import { insertEdition } from './publish.js';
import { writeRevision } from './write-revision.js';

/** Author of what the store writes by itself (the seed). */
export const SYSTEM_AUTHOR = 'system';

// Any fixed number: PostgreSQL advisory lock that serialises seeding across processes.
const SEED_LOCK = 4_171_202_226;

/**
 * On an empty database: the report becomes edition 1 and draft revision 0, in one transaction.
 * Safe when several processes open a fresh database at once: the write lock (SQLite) or an
 * advisory lock (PostgreSQL) lets one seed, and the others find the draft and do nothing.
 * Returns whether this call seeded.
 */
export async function seedIfEmpty(ctx: StoreContext, report: ReadonlyReport): Promise<boolean> {
  const checked = validateReport(report);
  if (!checked.ok) {
    throw new StoreOpenError(
      `种子报告无效 (the seed report is invalid): ${formatIssues(checked.issues).slice(0, 5).join('; ')}`,
    );
  }
  return ctx.conn.write(async (trx) => {
    if (ctx.conn.engine === 'postgres')
      await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const draft = await trx.selectFrom('draft').select('id').executeTakeFirst();
    if (draft !== undefined) return false;
    const at = nowIso(ctx);
    const edition = await trx.selectFrom('editions').select('id').limit(1).executeTakeFirst();
    if (edition === undefined) {
      await insertEdition(trx, {
        report: checked.value,
        publishedBy: SYSTEM_AUTHOR,
        at,
        draftRevision: 0,
      });
    }
    await writeRevision(
      trx,
      {
        number: 0,
        kind: 'seed',
        author: SYSTEM_AUTHOR,
        at,
        commands: [{ type: 'draft.seed' }],
        touched: [],
        report: checked.value,
      },
      ctx.conn.engine,
    );
    return true;
  });
}
