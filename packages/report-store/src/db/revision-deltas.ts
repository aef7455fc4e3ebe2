import type { Report } from '@leshan/report-core/model';
import { ReportSchema } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { RecordedCommandSchema } from '../schemas/draft-schemas.js';
import { isSnapshot, replayChecked } from '../store/replay.js';
import type { Engine } from './tables.js';

/** The revisions table since 0005; report holds a full snapshot, or NULL (replay the commands). */
export const REVISIONS_TABLE = (name: string): string => `CREATE TABLE ${name} (
    number INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('seed', 'edit', 'restore', 'replace')),
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    commands TEXT NOT NULL,
    touched TEXT NOT NULL,
    keys TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    report TEXT,
    group_start INTEGER NOT NULL,
    summary TEXT,
    client_id TEXT,
    client_seq INTEGER
  )`;

const OldRowSchema = z.object({
  number: z.number(),
  kind: z.string(),
  author: z.string(),
  created_at: z.string(),
  commands: z.string(),
  touched: z.string(),
  report_hash: z.string(),
  report: z.string(),
});

const BATCH = 200;

/**
 * Issue 13: a revision stores what changed (its commands and change keys), not a copy of the
 * report. Every revision of the release before is copied into the new table: its touched ids
 * become its keys (bare ids), and its report is kept as a snapshot when it is a seed, restore or
 * import, every SNAPSHOT_EVERY revisions, and whenever replaying its commands over the revision
 * before does not give its recorded hash; so every revision reads back exactly as it was.
 */
export async function migrateRevisionDeltas(
  db: Kysely<unknown>,
  engine: Engine,
  triggers: (table: string) => string[],
): Promise<void> {
  await sql.raw(REVISIONS_TABLE('revisions_0005')).execute(db);
  let previous: Report | null = null;
  let after = -1;
  for (;;) {
    const result = await sql<Record<string, unknown>>`
      SELECT number, kind, author, created_at, commands, touched, report_hash, report
      FROM revisions WHERE number > ${after} ORDER BY number LIMIT ${BATCH}`.execute(db);
    if (result.rows.length === 0) break;
    for (const raw of result.rows) {
      const row = OldRowSchema.parse({ ...raw, number: Number(raw.number) });
      const report = ReportSchema.parse(JSON.parse(row.report));
      const commands = RecordedCommandSchema.array().parse(JSON.parse(row.commands));
      const replays =
        previous !== null &&
        !isSnapshot(row.number, row.kind) &&
        replayChecked(previous, commands, row.report_hash) !== null;
      await sql`
        INSERT INTO revisions_0005 (number, kind, author, created_at, commands, touched, keys,
          report_hash, report, group_start, summary, client_id, client_seq)
        VALUES (${row.number}, ${row.kind}, ${row.author}, ${row.created_at}, ${row.commands},
          ${row.touched}, ${row.touched}, ${row.report_hash}, ${replays ? null : row.report},
          ${row.number}, NULL, NULL, NULL)`.execute(db);
      previous = report;
      after = row.number;
    }
  }
  // Dropping a table fires no row triggers on either engine; its own triggers go with it.
  await sql.raw('DROP TABLE revisions').execute(db);
  await sql.raw('ALTER TABLE revisions_0005 RENAME TO revisions').execute(db);
  if (engine === 'postgres') {
    await sql.raw('ALTER INDEX revisions_0005_pkey RENAME TO revisions_pkey').execute(db);
  }
  for (const statement of [
    'CREATE INDEX revisions_group ON revisions (group_start)',
    'CREATE INDEX revisions_author ON revisions (author, number)',
    ...triggers('revisions'),
  ]) {
    await sql.raw(statement).execute(db);
  }
}
