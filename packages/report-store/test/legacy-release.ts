import type { ReadonlyReport, Report } from '@leshan/report-core/model';
import { editableCopy } from '@leshan/report-core/data';
import { canonicalContent } from '@leshan/report-core/hash';
import type { Kysely } from 'kysely';
import { Migrator, sql } from 'kysely';
import { ensureExportQueue } from '../src/db/export-queue.js';
import { migrationProvider } from '../src/db/migrations.js';
import type { Target } from './engines.js';
import { rawConnection } from './engines.js';
import type { Connection } from '../src/db/connection.js';
import { insertEdition } from '../src/store/publish.js';

export interface LegacyRevision {
  number: number;
  kind: 'seed' | 'edit' | 'restore' | 'replace';
  author: string;
  at: string;
  commands: readonly object[];
  touched: readonly string[];
  report: Report;
}

/**
 * A revision as the releases before migration 0005 wrote it (a full copy of the report in every
 * row, no keys) and the draft row made its report: for tests that build an older database.
 */
export async function writeLegacyRevision(db: Kysely<unknown>, r: LegacyRevision): Promise<void> {
  const { json, hash } = canonicalContent(r.report);
  await sql`INSERT INTO revisions (number, kind, author, created_at, commands, touched, report_hash, report)
    VALUES (${r.number}, ${r.kind}, ${r.author}, ${r.at}, ${JSON.stringify(r.commands)},
      ${JSON.stringify([...r.touched].sort())}, ${hash}, ${json})`.execute(db);
  if (r.number === 0) {
    await sql`INSERT INTO draft (id, revision, report, report_hash, updated_at, updated_by)
      VALUES (1, 0, ${json}, ${hash}, ${r.at}, ${r.author})`.execute(db);
  } else {
    await sql`UPDATE draft SET revision = ${r.number}, report = ${json}, report_hash = ${hash},
      updated_at = ${r.at}, updated_by = ${r.author} WHERE id = 1`.execute(db);
  }
}

/** The seed as the release before wrote it: edition 1 and draft revision 0, in one transaction. */
export async function legacySeed(conn: Connection, report: Report, at: string): Promise<void> {
  await conn.write(async (trx) => {
    await insertEdition(trx, { report, publishedBy: 'system', at, draftRevision: 0 });
    await writeLegacyRevision(trx as Kysely<unknown>, {
      number: 0,
      kind: 'seed',
      author: 'system',
      at,
      commands: [{ type: 'draft.seed' }],
      touched: [],
      report,
    });
  });
}

/**
 * The seed as the releases of migrations 0005–0008 wrote it: edition 1, revision 0 with its
 * snapshot and keys, and the draft row with the whole report (no report_revision, which 0009 added).
 */
export async function seedAsRelease0005(
  conn: Connection,
  seed: ReadonlyReport,
  at: string,
): Promise<void> {
  const report = editableCopy(seed);
  const { json, hash } = canonicalContent(report);
  await conn.write(async (trx) => {
    await insertEdition(trx, { report, publishedBy: 'system', at, draftRevision: 0 });
    const db = trx as Kysely<unknown>;
    await sql`INSERT INTO revisions (number, kind, author, created_at, commands, touched, keys, report_hash, report, group_start, summary, client_id, client_seq)
      VALUES (0, 'seed', 'system', ${at}, '[{"type":"draft.seed"}]', '[]', '[]', ${hash}, ${json}, 0, NULL, NULL, NULL)`.execute(
      db,
    );
    await sql`INSERT INTO draft (id, revision, report, report_hash, updated_at, updated_by)
      VALUES (1, 0, ${json}, ${hash}, ${at}, 'system')`.execute(db);
  });
}

/** Columns later migrations add to a table: a test of an older migration compares the rest. */
const LATER_COLUMNS: Record<string, readonly string[]> = {
  draft: ['report_revision'], // 0009
};

/** A raw connection to `target` with the migrations up to and including `through` applied. */
export async function migratedThrough(target: Target, through: string): Promise<Connection> {
  const conn = rawConnection(target);
  const provider = migrationProvider(conn.engine, through);
  if (conn.engine === 'sqlite') {
    await conn.write(async (trx) => {
      const migrator = new Migrator({ db: trx, provider, disableTransactions: true });
      const { error } = await migrator.migrateToLatest();
      if (error !== undefined) throw new Error('migration failed', { cause: error });
    });
  } else {
    await ensureExportQueue(target.databaseUrl ?? '');
    const { error } = await new Migrator({ db: conn.db, provider }).migrateToLatest();
    if (error !== undefined) throw new Error('migration failed', { cause: error });
  }
  return conn;
}

/** Every row of `table`, in the order of its first column: to compare before and after a migration. */
export async function tableRows(target: Target, table: string): Promise<unknown[]> {
  const conn = rawConnection(target);
  const result = await sql.raw(`SELECT * FROM ${table} ORDER BY 1`).execute(conn.db);
  await conn.close();
  const later = LATER_COLUMNS[table] ?? [];
  return result.rows.map((row) =>
    Object.fromEntries(Object.entries(row as object).filter(([column]) => !later.includes(column))),
  );
}
