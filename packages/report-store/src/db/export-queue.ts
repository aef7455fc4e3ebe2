import pg from 'pg';
import PgBoss from 'pg-boss';

/** The pg-boss queue that delivers export jobs on PostgreSQL, in pg-boss's own schema. */
export const EXPORT_QUEUE = 'export-artifact';
export const BOSS_SCHEMA = 'pgboss';

// Session advisory lock around the set-up, so processes opening a fresh database at once create
// pg-boss's schema and the queue one after the other ("expqueue" as bytes).
const SETUP_LOCK = '7311166576313689445';

const bossOn = (client: pg.ClientBase, migrate: boolean): PgBoss =>
  new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) },
    schema: BOSS_SCHEMA,
    migrate,
    supervise: false,
    schedule: false,
  });

async function queueReady(client: pg.ClientBase): Promise<boolean> {
  try {
    // Without `migrate`, start only checks that pg-boss's schema is there at this version.
    const boss = await bossOn(client, false).start();
    return (await boss.getQueue(EXPORT_QUEUE)) !== null;
  } catch (_error) {
    return false;
  }
}

/**
 * Creates (or migrates) pg-boss's schema and the export queue, once: a migration step of the
 * store, run by whichever process opens the database first, under an advisory lock. Workers
 * only use what is here; before this step, workers starting together on a fresh database each
 * ran pg-boss's `createQueue`, whose DDL deadlocked (issue 20).
 */
export async function ensureExportQueue(databaseUrl: string): Promise<void> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'report-store-migrate',
  });
  await client.connect();
  try {
    if (await queueReady(client)) return;
    await client.query('SELECT pg_advisory_lock($1::bigint)', [SETUP_LOCK]);
    try {
      const boss = await bossOn(client, true).start();
      if ((await boss.getQueue(EXPORT_QUEUE)) === null) {
        // stately: at most one delivery of a job per state (created, retry, active).
        await boss.createQueue(EXPORT_QUEUE, { name: EXPORT_QUEUE, policy: 'stately' });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [SETUP_LOCK]);
    }
  } finally {
    await client.end();
  }
}
