import { sql } from 'kysely';
import type { StoreContext } from './context.js';

/**
 * A cheap text that changes whenever an edition or an export file is added, replaced or
 * removed, or the site settings are saved: counts and newest values of both tables. On a read-only SQLite connection
 * `PRAGMA data_version` (which moves only when another connection commits) is asked first, so
 * while nothing was written the answer costs no table read.
 */
export function changeMarkReader(ctx: StoreContext): () => Promise<string> {
  let seen: { dataVersion: string; mark: string } | undefined;
  const read = async (): Promise<string> => {
    const { rows } = await sql<Record<string, unknown>>`
      select (select count(*) from editions) as editions,
             (select max(number) from editions) as newest,
             (select count(*) from artifacts) as files,
             (select max(created_at) from artifacts) as newest_file,
             (select max(version) from site_settings) as site_settings`.execute(ctx.conn.db);
    return JSON.stringify(Object.values(rows[0] ?? {}).map(String));
  };
  if (ctx.conn.engine !== 'sqlite' || !ctx.conn.readonly) return read;
  return async () => {
    const { rows } = await sql<{ data_version: unknown }>`pragma data_version`.execute(ctx.conn.db);
    const dataVersion = String(rows[0]?.data_version);
    if (seen?.dataVersion !== dataVersion) seen = { dataVersion, mark: await read() };
    return seen.mark;
  };
}
