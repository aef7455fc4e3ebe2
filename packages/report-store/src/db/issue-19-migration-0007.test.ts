import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, open, rawConnection } from '../../test/engines.js';
import { migratedThrough, seedAsRelease0005, tableRows } from '../../test/legacy-release.js';
import { canonicalReport } from '@leshan/report-core/data';

afterAll(cleanUp);

const AT = '2026-03-01T08:00:00.000Z';
const COMMANDS = JSON.stringify([
  {
    type: 'progress.add',
    measureId: 'm38',
    update: { id: 'u-m38-1', date: '2024-12-31', note: '已建成 90 公里。' },
  },
]);

/** A database as the release before (migrations 0001–0006) left it, with a reporter's submission. */
async function previousRelease(target: Target): Promise<void> {
  const conn = await migratedThrough(target, '0006-reporters');
  await seedAsRelease0005(conn, canonicalReport, AT);
  await conn.write(async (trx) => {
    await sql`INSERT INTO users (id, email, display_name, role, password_hash, disabled, created_at, updated_at, credential_version, must_change_password)
      VALUES ('u-r', 'jt@example.org', '交通运输局填报员', 'reporter', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${AT}, ${AT}, 0, 0)`.execute(
      trx,
    );
    await sql`INSERT INTO user_departments (user_id, department_id) VALUES ('u-r', 'dept-jt')`.execute(
      trx,
    );
    await sql`INSERT INTO submissions (id, reporter_id, measure_id, kind, commands, status, reviewer_id, comment, created_at, decided_at, revision)
      VALUES ('sub-1', 'u-r', 'm38', 'progress', ${COMMANDS}, 'pending', NULL, NULL, ${AT}, NULL, NULL)`.execute(
      trx,
    );
    await sql`INSERT INTO audit_log (id, actor, action, target, details, ip, at)
      VALUES ('audit-1', 'u-r', 'submission.submit', 'submission:sub-1', '{}', NULL, ${AT})`.execute(
      trx,
    );
  });
  await conn.close();
}

const TABLES = [
  'users',
  'user_departments',
  'submissions',
  'draft',
  'revisions',
  'editions',
  'audit_log',
];

const rows = tableRows;

describe.each(engines)(
  'issue 19: migration 0007-feedback on a database of the release before ($name)',
  (engine) => {
    it('keeps users, submissions, the draft, editions and the audit log, and then takes feedback', async () => {
      const target = await engine.fresh();
      await previousRelease(target);
      const before: Record<string, unknown[]> = {};
      for (const table of TABLES) before[table] = await rows(target, table);
      expect(before.submissions).toHaveLength(1);

      const store = await open(target, { seed: false });
      for (const table of TABLES) expect(await rows(target, table), table).toEqual(before[table]);
      expect((await store.getSubmission('sub-1'))?.status).toBe('pending');

      const sent = await store.submitFeedback({
        editionNumber: 1,
        nodeId: 'm38',
        kind: 'progress-tip',
        text: '第二段已经通车。',
        address: '203.0.113.7',
      });
      expect(sent.ok).toBe(true);
      // The salt was made once by the migration; the database refuses a second one.
      const conn = rawConnection(target);
      const salts = await sql`SELECT id FROM feedback_salt`.execute(conn.db);
      expect(salts.rows).toHaveLength(1);
      await expect(
        sql`INSERT INTO feedback_salt (id, salt) VALUES (2, 'x')`.execute(conn.db),
      ).rejects.toThrow();
      await expect(
        sql`UPDATE feedback SET status = 'published'`.execute(conn.db),
      ).rejects.toThrow();
    });
  },
);
