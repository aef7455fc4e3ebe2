import Database from 'better-sqlite3';
import pg from 'pg';
import type { Harness } from './admin-harness.js';

/**
 * Overwrites the draft row below the store, for states the API and the store never write
 * themselves (a draft that breaks the report's rules, as a faulty migration or a hand edit could leave).
 */
export async function overwriteDraftReport(
  target: Harness['target'],
  report: unknown,
): Promise<void> {
  const json = JSON.stringify(report);
  if ('sqliteFile' in target) {
    const db = new Database(target.sqliteFile);
    try {
      db.prepare('UPDATE draft SET report = ? WHERE id = 1').run(json);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    await client.query('UPDATE draft SET report = $1 WHERE id = 1', [json]);
  } finally {
    await client.end();
  }
}
