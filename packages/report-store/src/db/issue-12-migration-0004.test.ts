import { randomUUID } from 'node:crypto';
import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import { applyCommands } from '@leshan/report-core/edit';
import type { Report } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, open, rawConnection } from '../../test/engines.js';
import { measures } from '../../test/measures.js';
import type { StoreContext } from '../store/context.js';
import { queueJobsIn } from '../store/export-jobs.js';
import { insertEdition } from '../store/publish.js';
import { legacySeed, migratedThrough } from '../../test/legacy-release.js';
import type { Tables } from './tables.js';

afterAll(cleanUp);

const AT = '2026-01-05T08:00:00.000Z';
const first = measures(canonicalReport)[0] ?? { id: '', text: '' };
const edited = applyCommands(editableCopy(canonicalReport), [
  { type: 'measure.update', id: first.id, patch: { text: `${first.text}（修订）` } },
]);
if (!edited.ok) throw new Error(edited.error.message.en);
const second: Report = edited.value.report;

// A database as the release before this one left it: migrations 0001 and 0002 only, with users,
// a session, editions, a done export with its file record, a queued job and an audit entry.
async function previousRelease(target: Target): Promise<void> {
  const conn = await migratedThrough(target, '0002-export-deliveries');
  const ctx: StoreContext = {
    conn,
    now: () => new Date(AT),
    jobs: { maxAttempts: 5, backoffMs: 1_000, backoffCapMs: 60_000 },
  };
  await legacySeed(conn, editableCopy(canonicalReport), AT);
  await conn.write(async (trx: Kysely<Tables>) => {
    await trx
      .insertInto('users')
      .values({
        id: 'u-admin',
        email: 'admin@example.org',
        display_name: '管理员',
        role: 'admin',
        password_hash: 'scrypt$16384$8$1$c2FsdA$a2V5',
        disabled: 0,
        created_at: AT,
        updated_at: AT,
        // The release before had no 0003 columns: the row as it wrote it, not as Tables says now.
      } as never)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: 'session-1',
        user_id: 'u-admin',
        csrf_token: 'csrf',
        created_at: AT,
        expires_at: '2027-01-01T00:00:00.000Z',
        last_seen_at: AT,
      } as never)
      .execute();
    const published = await insertEdition(trx, {
      report: second,
      publishedBy: 'u-admin',
      at: AT,
      draftRevision: null,
    });
    if (!published.ok) throw new Error(published.error.message.en);
    await queueJobsIn(ctx, trx, published.edition.id, ['json', 'pdf']);
    const job = await trx
      .updateTable('export_jobs')
      .set({ status: 'done', finished_at: AT })
      .where('format', '=', 'json')
      .returning(['id', 'edition_id'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('artifacts')
      .values({
        id: randomUUID(),
        job_id: job.id,
        edition_id: job.edition_id,
        format: 'json',
        file_name: 'leshan-report-e2.json',
        path: '/srv/exports/leshan-report-e2.json',
        media_type: 'application/json',
        size: 1234,
        sha256: 'ab'.repeat(32),
        created_at: AT,
      })
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        id: 'audit-1',
        actor: 'u-admin',
        action: 'edition.publish',
        target: published.edition.id,
        details: '{"number":2}',
        ip: null,
        at: AT,
      })
      .execute();
  });
  await conn.close();
}

async function snapshot(target: Target): Promise<Record<string, unknown[]>> {
  const conn = rawConnection(target);
  const tables = [
    'users',
    'sessions',
    'draft',
    'revisions',
    'editions',
    'export_jobs',
    'artifacts',
    'audit_log',
  ];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await sql.raw(`SELECT * FROM ${table} ORDER BY 1`).execute(conn.db);
    result[table] = rows.rows;
  }
  return result;
}

describe.each(engines)(
  'migration 0004-export-integrity on a database of the release before ($name)',
  (engine) => {
    it('keeps every row, and the upgraded store refuses REPLACE and takes regeneration requests', async () => {
      const target = await engine.fresh();
      await previousRelease(target);
      const before = await snapshot(target);
      expect(before.editions?.length).toBe(2);

      const store = await open(target, { seed: false });
      // Every row and value kept; 0003 adds columns with their defaults (credential_version,
      // must_change_password), so the old rows are matched field by field.
      expect(await snapshot(target)).toMatchObject(before);
      expect((await store.listEditions()).map((e) => e.number)).toEqual([2, 1]);
      expect((await store.getEditionByNumber(2))?.report).toEqual(second);
      expect((await store.findUserByEmail('admin@example.org'))?.role).toBe('admin');
      expect((await store.listAllArtifacts()).map((a) => [a.editionNumber, a.format])).toEqual([
        [2, 'json'],
      ]);
      expect((await store.listExportJobs()).map((j) => [j.format, j.status])).toEqual([
        ['json', 'done'],
        ['pdf', 'queued'],
      ]);
      const audit = await store.listAudit();
      expect(audit.ok && audit.entries.map((e) => e.id)).toEqual(['audit-1']);

      const conn = rawConnection(target);
      const replace =
        engine.name === 'sqlite'
          ? `INSERT OR REPLACE INTO editions SELECT * FROM editions WHERE number = 2`
          : `INSERT INTO editions SELECT * FROM editions WHERE number = 2 ON CONFLICT (id) DO UPDATE SET published_by = 'x'`;
      await expect(sql.raw(replace).execute(conn.db)).rejects.toThrow(/immutable/);
      expect((await store.requestRegeneration(2, 'json', 'sha256 differs')).ok).toBe(true);
      expect((await store.takeRegenerations()).length).toBe(1);
    });
  },
);
