import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import { applyCommands } from '@leshan/report-core/edit';
import type { Report } from '@leshan/report-core/model';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, open, rawConnection } from '../../test/engines.js';
import type { LegacyRevision } from '../../test/legacy-release.js';
import {
  legacySeed,
  migratedThrough,
  writeLegacyRevision,
  tableRows,
} from '../../test/legacy-release.js';
import { measures } from '../../test/measures.js';
import { insertEdition } from '../store/publish.js';
import { SNAPSHOT_EVERY } from '../store/replay.js';

afterAll(cleanUp);

const AT = Date.parse('2026-02-01T08:00:00.000Z');
const at = (n: number) => new Date(AT + n * 1_000).toISOString();
const EDITS = SNAPSHOT_EVERY + 12;

function edit(
  report: Report,
  n: number,
): { report: Report; commands: object[]; touched: string[] } {
  const all = measures(report);
  const m = all[n % all.length] ?? { id: '', text: '' };
  const commands = [
    { type: 'measure.update', id: m.id, patch: { text: `${m.text}（第 ${n} 次修订）` } },
  ];
  const applied = applyCommands(report, commands);
  if (!applied.ok) throw new Error(applied.error.message.en);
  return { report: applied.value.report, commands, touched: [m.id] };
}

/**
 * The history the release before (migrations 0001–0004) wrote: a seed, EDITS edits by two
 * editors, a restore, an import, and one edit whose commands no longer give its report (as if a
 * rule of report-core changed since): every row a full copy of the report.
 */
function legacyHistory(): LegacyRevision[] {
  const history: LegacyRevision[] = [];
  let report: Report = editableCopy(canonicalReport);
  let number = 0;
  const push = (r: Omit<LegacyRevision, 'number' | 'at'>) => {
    number += 1;
    history.push({ ...r, number, at: at(number) });
    report = r.report;
  };
  for (let i = 1; i <= EDITS; i += 1) {
    const next = edit(report, i);
    push({ kind: 'edit', author: i % 2 === 0 ? 'u-a' : 'u-b', ...next });
  }
  const restored = history[3]?.report ?? editableCopy(canonicalReport);
  push({
    kind: 'restore',
    author: 'u-a',
    commands: [{ type: 'draft.restore', revision: 4 }],
    touched: ['x'],
    report: restored,
  });
  push({
    kind: 'replace',
    author: 'u-a',
    commands: [{ type: 'draft.replace', source: 'import' }],
    touched: ['y'],
    report: edit(report, 1000).report,
  });
  const stale = edit(report, 2000);
  push({
    kind: 'edit',
    author: 'u-b',
    commands: edit(report, 3000).commands,
    touched: stale.touched,
    report: stale.report,
  });
  push({ kind: 'edit', author: 'u-a', ...edit(report, 4000) });
  return history;
}

async function previousRelease(target: Target, history: LegacyRevision[]): Promise<void> {
  const conn = await migratedThrough(target, '0004-export-integrity');
  await legacySeed(conn, editableCopy(canonicalReport), at(0));
  await conn.write(async (trx) => {
    const db = trx as Kysely<unknown>;
    await sql`INSERT INTO users (id, email, display_name, role, password_hash, disabled, created_at, updated_at, credential_version, must_change_password)
      VALUES ('u-a', 'a@example.org', '张编辑', 'editor', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${at(0)}, ${at(0)}, 0, 0),
             ('u-b', 'b@example.org', '李编辑', 'publisher', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${at(0)}, ${at(0)}, 2, 1)`.execute(
      db,
    );
    await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, last_seen_at, credential_version)
      VALUES ('s-1', 'u-a', 'csrf', ${at(0)}, '2027-01-01T00:00:00.000Z', ${at(0)}, 0)`.execute(db);
    for (const revision of history) await writeLegacyRevision(db, revision);
    const published = await insertEdition(trx, {
      report: history[10]?.report ?? editableCopy(canonicalReport),
      publishedBy: 'u-b',
      at: at(100),
      draftRevision: 11,
    });
    if (!published.ok) throw new Error(published.error.message.en);
    await sql`INSERT INTO audit_log (id, actor, action, target, details, ip, at)
      VALUES ('audit-1', 'u-b', 'edition.publish', ${published.edition.id}, '{"number":2}', NULL, ${at(100)})`.execute(
      db,
    );
  });
  await conn.close();
}

const TABLES = [
  'users',
  'sessions',
  'draft',
  'editions',
  'export_jobs',
  'artifacts',
  'audit_log',
  'login_limits',
  'export_regenerations',
];

const rows = tableRows;

describe.each(engines)(
  'issue 13: migration 0005-revision-deltas on a database of the release before ($name)',
  (engine) => {
    it('keeps every row and rebuilds every revision exactly, storing full reports only as snapshots', async () => {
      const history = legacyHistory();
      const target = await engine.fresh();
      await previousRelease(target, history);
      const before: Record<string, unknown[]> = {};
      for (const table of TABLES) before[table] = await rows(target, table);
      const oldRevisions = await rows(target, 'revisions');
      expect(oldRevisions).toHaveLength(history.length + 1);

      const store = await open(target, { seed: false });
      for (const table of TABLES) expect(await rows(target, table)).toEqual(before[table]);

      // Every revision reads back as it was: same report, hash, author, time, commands, touched.
      for (const old of oldRevisions as Record<string, unknown>[]) {
        const number = Number(old.number);
        const revision = await store.getRevision(number);
        expect(revision?.report, `revision ${number}`).toEqual(JSON.parse(String(old.report)));
        expect(revision).toMatchObject({
          number,
          kind: old.kind,
          author: old.author,
          createdAt: old.created_at,
          reportHash: old.report_hash,
          commands: JSON.parse(String(old.commands)),
          touched: JSON.parse(String(old.touched)),
          // Before 0005 only node ids were recorded: they count as bare keys.
          keys: JSON.parse(String(old.touched)),
          groupStart: number,
        });
      }
      const newRows = (await rows(target, 'revisions')) as {
        number: number;
        kind: string;
        report: string | null;
      }[];
      const snapshots = newRows.filter((r) => r.report !== null).map((r) => Number(r.number));
      const stale = history.length - 1;
      // The seed, revision SNAPSHOT_EVERY, the restore, the import and the edit that no longer replays.
      expect(snapshots).toEqual([0, SNAPSHOT_EVERY, EDITS + 1, EDITS + 2, stale]);
      const draft = await store.getDraft();
      expect(draft?.report).toEqual(history.at(-1)?.report);

      // The upgraded store appends and reads back, and the history is still immutable.
      const next = edit(draft?.report ?? editableCopy(canonicalReport), 5000);
      const appended = await store.appendDraftRevision({
        baseRevision: draft?.revision ?? 0,
        commands: next.commands,
        author: 'u-a',
        apply: () => ({ ok: true, value: { report: next.report, touched: next.touched } }),
      });
      expect(appended.ok).toBe(true);
      expect((await store.getRevision(history.length + 1))?.report).toEqual(next.report);
      const conn = rawConnection(target);
      await expect(
        sql.raw(`UPDATE revisions SET author = 'mallory'`).execute(conn.db),
      ).rejects.toThrow(/immutable/);
      await expect(sql.raw(`DELETE FROM revisions`).execute(conn.db)).rejects.toThrow(/immutable/);
    });
  },
);
