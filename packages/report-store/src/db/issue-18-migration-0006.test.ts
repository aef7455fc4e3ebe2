import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, open, rawConnection } from '../../test/engines.js';
import { migratedThrough, seedAsRelease0005, tableRows } from '../../test/legacy-release.js';
import { insertEdition } from '../store/publish.js';

afterAll(cleanUp);

const AT = '2026-03-01T08:00:00.000Z';

/** A database as the release before (migrations 0001–0005) left it: users, sessions, editions, audit. */
async function previousRelease(target: Target): Promise<void> {
  const conn = await migratedThrough(target, '0005-revision-deltas');
  // Revisions and the draft as 0005 wrote them.
  await seedAsRelease0005(conn, canonicalReport, AT);
  await conn.write(async (trx) => {
    const db = trx as Kysely<unknown>;
    await sql`INSERT INTO users (id, email, display_name, role, password_hash, disabled, created_at, updated_at, credential_version, must_change_password)
      VALUES ('u-a', 'a@example.org', '张编辑', 'editor', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${AT}, ${AT}, 0, 0),
             ('u-b', 'b@example.org', '李发布', 'publisher', 'scrypt$16384$8$1$c2FsdA$a2V5', 1, ${AT}, ${AT}, 2, 1)`.execute(
      db,
    );
    await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, last_seen_at, credential_version)
      VALUES ('s-1', 'u-a', 'csrf', ${AT}, '2027-01-01T00:00:00.000Z', ${AT}, 0),
             ('s-2', 'u-b', 'csrf2', ${AT}, '2027-01-01T00:00:00.000Z', ${AT}, 2)`.execute(db);
    const next = editableCopy(canonicalReport);
    next.meta.title = `${next.meta.title}（第二版）`;
    const published = await insertEdition(trx, {
      report: next,
      publishedBy: 'u-b',
      at: AT,
      draftRevision: 0,
    });
    if (!published.ok) throw new Error(published.error.message.en);
    await sql`INSERT INTO audit_log (id, actor, action, target, details, ip, at)
      VALUES ('audit-1', 'u-b', 'edition.publish', ${published.edition.id}, '{"number":2}', NULL, ${AT})`.execute(
      db,
    );
  });
  await conn.close();
}

const TABLES = ['users', 'sessions', 'draft', 'revisions', 'editions', 'audit_log'];

const rows = tableRows;

describe.each(engines)(
  'issue 18: migration 0006-reporters on a database of the release before ($name)',
  (engine) => {
    it('keeps users, sessions, the draft and editions, and then accepts reporters and submissions', async () => {
      const target = await engine.fresh();
      await previousRelease(target);
      const before: Record<string, unknown[]> = {};
      for (const table of TABLES) before[table] = await rows(target, table);
      expect(before.sessions).toHaveLength(2);

      const store = await open(target, { seed: false });
      // Rebuilding users on SQLite must not cascade into sessions.
      for (const table of TABLES) expect(await rows(target, table), table).toEqual(before[table]);
      expect((await store.latestEdition())?.number).toBe(2);

      const reporter = await store.createUser({
        email: 'jt@example.org',
        displayName: '交通运输局填报员',
        role: 'reporter',
        password: 'correct horse battery staple',
      });
      expect(reporter.ok).toBe(true);
      if (!reporter.ok) return;
      expect(await store.setUserDepartments(reporter.user.id, ['dept-jt'])).toEqual({
        ok: true,
        departments: ['dept-jt'],
      });
      const submitted = await store.createSubmission({
        reporterId: reporter.user.id,
        measureId: 'm38',
        kind: 'progress',
        commands: [
          {
            type: 'progress.add',
            measureId: 'm38',
            update: { id: 'u-m38-1', date: '2024-12-31', note: '已建成 90 公里。' },
          },
        ],
      });
      expect(submitted.ok).toBe(true);
      // The old role CHECK is gone, and the new one still refuses a made-up role.
      const conn = rawConnection(target);
      await expect(
        sql`UPDATE users SET role = 'owner' WHERE id = 'u-a'`.execute(conn.db),
      ).rejects.toThrow();
      // Deleting a user still ends its sessions (the rebuilt table kept sessions' foreign key).
      await sql`DELETE FROM users WHERE id = 'u-b'`.execute(conn.db);
      expect((await rows(target, 'sessions')).map((r) => (r as { id: string }).id)).toEqual([
        's-1',
      ]);
    });
  },
);
