import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import type { Command } from '@leshan/report-core/edit';
import { applyCommands } from '@leshan/report-core/edit';
import { canonicalContent } from '@leshan/report-core/hash';
import type { Report } from '@leshan/report-core/model';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, open, rawConnection } from '../../test/engines.js';
import { migratedThrough, seedAsRelease0005, tableRows } from '../../test/legacy-release.js';
import type { Store } from '../store/store.js';
import { SNAPSHOT_EVERY } from '../store/replay.js';

afterAll(cleanUp);

const AT = '2026-11-20T08:00:00.000Z';
const TABLES = ['users', 'sessions', 'revisions', 'editions', 'audit_log'];

const progress = (measureId: string, value: number) =>
  [{ type: 'tracking.set', measureId, status: 'in-progress', progress: value }] satisfies Command[];

function applied(report: Report, commands: Command[]): Report {
  const result = applyCommands(report, commands);
  if (!result.ok) throw new Error(`not applied: ${JSON.stringify(result)}`);
  return result.value.report;
}

/**
 * A database as the release before (migrations 0001–0008) left it: the seed, three edits stored
 * as commands (revisions without a report) with the draft row holding the whole head report, a
 * user, a session and an audit row. Returns the head report.
 */
async function previousRelease(target: Target): Promise<Report> {
  const conn = await migratedThrough(target, '0008-site-settings');
  await seedAsRelease0005(conn, canonicalReport, AT);
  let report = editableCopy(canonicalReport);
  await conn.write(async (trx) => {
    const db = trx as Kysely<unknown>;
    for (const [number, commands] of [
      [1, progress('m38', 10)],
      [2, progress('m112', 20)],
      [3, progress('m38', 30)],
    ] as const) {
      report = applied(report, [...commands]);
      const { json, hash } = canonicalContent(report);
      const measureId = commands[0]?.measureId ?? '';
      await sql`INSERT INTO revisions (number, kind, author, created_at, commands, touched, keys, report_hash, report, group_start, summary, client_id, client_seq)
        VALUES (${number}, 'edit', 'u-a', ${AT}, ${JSON.stringify(commands)}, ${JSON.stringify([measureId])},
          ${JSON.stringify([`${measureId}/tracking`])}, ${hash}, NULL, ${number}, NULL, NULL, NULL)`.execute(
        db,
      );
      await sql`UPDATE draft SET revision = ${number}, report = ${json}, report_hash = ${hash},
        updated_at = ${AT}, updated_by = 'u-a' WHERE id = 1`.execute(db);
    }
    await sql`INSERT INTO users (id, email, display_name, role, password_hash, disabled, created_at, updated_at, credential_version, must_change_password)
      VALUES ('u-a', 'a@example.org', '张编辑', 'editor', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${AT}, ${AT}, 0, 0)`.execute(
      db,
    );
    await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, last_seen_at, credential_version)
      VALUES ('s-1', 'u-a', 'csrf', ${AT}, '2027-01-01T00:00:00.000Z', ${AT}, 0)`.execute(db);
    await sql`INSERT INTO audit_log (id, actor, action, target, details, ip, at)
      VALUES ('audit-1', 'u-a', 'draft.edit', 'revision:3', '{}', NULL, ${AT})`.execute(db);
  });
  await conn.close();
  return report;
}

async function draftRow(target: Target) {
  const conn = rawConnection(target);
  // SELECT *: before the migration the row has no report_revision.
  const result = await sql<{
    revision: number;
    report: string;
    report_revision?: number;
    report_hash: string;
  }>`SELECT * FROM draft`.execute(conn.db);
  await conn.close();
  const row = result.rows[0];
  if (row === undefined) throw new Error('no draft row');
  return {
    revision: Number(row.revision),
    report: row.report,
    report_hash: row.report_hash,
    ...(row.report_revision === undefined ? {} : { report_revision: Number(row.report_revision) }),
  };
}

async function edit(store: Store, commands: Command[]): Promise<number> {
  const draft = await store.getDraft();
  const result = await store.appendDraftRevision({
    baseRevision: draft?.revision ?? 0,
    commands,
    author: 'u-a',
    apply: (current) => applyCommands(current, commands),
  });
  if (!result.ok) throw new Error(`edit refused: ${result.reason}`);
  return result.revision.number;
}

describe.each(engines)(
  'issue 13: migration 0009-draft-report-revision on a database of the release before ($name)',
  (engine) => {
    it('keeps every row and the draft, then saves edits without rewriting the report, which a fresh process rebuilds', async () => {
      const target = await engine.fresh();
      const head = await previousRelease(target);
      const before: Record<string, unknown[]> = {};
      for (const table of TABLES) before[table] = await tableRows(target, table);
      const oldDraft = await draftRow(target);

      const store = await open(target, { seed: false });
      for (const table of TABLES)
        expect(await tableRows(target, table), table).toEqual(before[table]);
      expect(await draftRow(target)).toEqual({ ...oldDraft, report_revision: 3 });
      expect((await store.getDraft())?.report).toEqual(head);
      expect(await store.getUser('u-a')).toMatchObject({ displayName: '张编辑' });

      // Two saves: the head moves on, the row's report stays the one after revision 3.
      await edit(store, progress('m112', 40));
      const last = await edit(store, progress('m38', 50));
      const after = await draftRow(target);
      expect(after).toMatchObject({ revision: last, report_revision: 3, report: oldDraft.report });
      const expected = applied(applied(head, progress('m112', 40)), progress('m38', 50));
      expect(after.report_hash).toBe(canonicalContent(expected).hash);

      // Another process (no memory of this one's draft) rebuilds the head from the row's report.
      const other = await open(target, { seed: false });
      expect((await other.getDraft())?.report).toEqual(expected);
      const published = await other.publishDraft({ publishedBy: 'u-a' });
      expect(published.ok).toBe(true);
      if (published.ok) expect(published.edition.draftRevision).toBe(last);
    });

    it('writes the whole report into the draft row again at each snapshot revision', async () => {
      const target = await engine.fresh();
      await previousRelease(target);
      const store = await open(target, { seed: false });
      let number = 3;
      for (let i = 0; number < SNAPSHOT_EVERY; i += 1)
        number = await edit(store, progress(i % 2 === 0 ? 'm38' : 'm112', i % 101));
      const row = await draftRow(target);
      expect(row).toMatchObject({ revision: SNAPSHOT_EVERY, report_revision: SNAPSHOT_EVERY });
      expect(canonicalContent(JSON.parse(row.report) as Report).hash).toBe(row.report_hash);
    });

    it('refuses a draft whose commands do not rebuild to the head hash, rather than serve another report', async () => {
      const target = await engine.fresh();
      await previousRelease(target);
      const store = await open(target, { seed: false });
      await edit(store, progress('m112', 40));
      const conn = rawConnection(target);
      // As if the row were changed by hand: the head's hash no longer matches what replays.
      await sql`UPDATE draft SET report_hash = ${'0'.repeat(64)}`.execute(conn.db);
      await conn.close();
      const other = await open(target, { seed: false });
      await expect(other.getDraft()).rejects.toThrow(/does not rebuild to its recorded hash/);
    });
  },
);
