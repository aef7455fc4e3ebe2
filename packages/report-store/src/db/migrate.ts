import { Migrator, sql } from 'kysely';
import type { Connection } from './connection.js';
import { StoreOpenError } from './connection.js';
import { ensureExportQueue } from './export-queue.js';
import { MIGRATION_NAMES, migrationProvider } from './migrations.js';

async function runMigrator(migrator: Migrator): Promise<void> {
  const { error } = await migrator.migrateToLatest();
  if (error === undefined) return;
  throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}

/** A read-only store cannot migrate: it checks that a writer already did. */
async function checkMigrated(conn: Connection): Promise<void> {
  let applied: string[];
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration`.execute(conn.db);
    applied = result.rows.map((row) => row.name);
  } catch (_error) {
    applied = [];
  }
  const missing = MIGRATION_NAMES.filter((name) => !applied.includes(name));
  if (missing.length > 0) {
    throw new StoreOpenError(
      `数据库尚未初始化，请先以读写方式打开一次 (the database is not initialised or is out of date; ` +
        `open it read-write once to apply migrations: ${missing.join(', ')})`,
    );
  }
}

/**
 * Brings the schema up to date. Migrations written on parallel branches (0007 and 0008 of issue
 * 19) may reach a database in either order: one that has a later migration but not an earlier
 * one gets the earlier one applied (allowUnorderedMigrations), instead of a refusal to open.
 * On SQLite the Kysely migrator runs inside this store's
 * BEGIN IMMEDIATE transaction, so processes opening one fresh file at once migrate it once;
 * on PostgreSQL the migrator's own advisory lock does the same, after pg-boss's schema and the
 * export queue were set up (once, under another advisory lock: see export-queue.ts).
 */
export async function migrate(conn: Connection, databaseUrl?: string): Promise<void> {
  if (conn.readonly) return checkMigrated(conn);
  if (conn.engine === 'sqlite') {
    await conn.write((trx) =>
      runMigrator(
        new Migrator({
          db: trx,
          provider: migrationProvider('sqlite'),
          disableTransactions: true,
          allowUnorderedMigrations: true,
        }),
      ),
    );
    return;
  }
  if (databaseUrl === undefined) throw new Error('migrating PostgreSQL needs its URL');
  await ensureExportQueue(databaseUrl);
  await runMigrator(
    new Migrator({
      db: conn.db,
      provider: migrationProvider('postgres'),
      allowUnorderedMigrations: true,
    }),
  );
}
