import { canonicalReport } from '@leshan/report-core/data';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, open, rawConnection } from '../../test/engines.js';
import { migratedThrough, seedAsRelease0005, tableRows } from '../../test/legacy-release.js';
import { DEFAULT_SITE_SETTINGS } from '../schemas/site-settings-schemas.js';
import { MIGRATION_NAMES } from './migrations.js';

afterAll(cleanUp);

const AT = '2026-11-01T08:00:00.000Z';
const TABLES = ['users', 'sessions', 'draft', 'revisions', 'editions', 'audit_log', 'submissions'];

/** A database as the release before (migrations 0001–0006) left it, with a user, a session, a submission, audit. */
async function previousRelease(target: Target): Promise<void> {
  const conn = await migratedThrough(target, '0006-reporters');
  await seedAsRelease0005(conn, canonicalReport, AT);
  await conn.write(async (trx) => {
    const db = trx as Kysely<unknown>;
    await sql`INSERT INTO users (id, email, display_name, role, password_hash, disabled, created_at, updated_at, credential_version, must_change_password)
      VALUES ('u-a', 'a@example.org', '王管理', 'admin', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${AT}, ${AT}, 0, 0),
             ('u-r', 'r@example.org', '交通局填报员', 'reporter', 'scrypt$16384$8$1$c2FsdA$a2V5', 0, ${AT}, ${AT}, 0, 0)`.execute(
      db,
    );
    await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, last_seen_at, credential_version)
      VALUES ('s-1', 'u-a', 'csrf', ${AT}, '2027-01-01T00:00:00.000Z', ${AT}, 0)`.execute(db);
    await sql`INSERT INTO submissions (id, reporter_id, measure_id, kind, commands, status, reviewer_id, comment, created_at, decided_at, revision)
      VALUES ('sub-1', 'u-r', 'm38', 'progress', '[]', 'pending', NULL, NULL, ${AT}, NULL, NULL)`.execute(
      db,
    );
    await sql`INSERT INTO audit_log (id, actor, action, target, details, ip, at)
      VALUES ('audit-1', 'u-a', 'user.create', 'u-r', '{}', NULL, ${AT})`.execute(db);
  });
  await conn.close();
}

const rows = tableRows;

async function applied(target: Target): Promise<string[]> {
  const conn = rawConnection(target);
  const result = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name`.execute(conn.db);
  await conn.close();
  return result.rows.map((r) => r.name);
}

describe.each(engines)(
  'issue 19: migration 0008-site-settings on a database of the release before ($name)',
  (engine) => {
    it('keeps every table as it was, answers the default settings, then saves settings', async () => {
      const target = await engine.fresh();
      await previousRelease(target);
      const before: Record<string, unknown[]> = {};
      for (const table of TABLES) before[table] = await rows(target, table);

      const store = await open(target, { seed: false });
      for (const table of TABLES) expect(await rows(target, table), table).toEqual(before[table]);
      expect(await applied(target)).toEqual([...MIGRATION_NAMES].sort());
      expect((await store.getSiteSettings()).settings).toEqual(DEFAULT_SITE_SETTINGS);
      const saved = await store.saveSiteSettings({
        settings: { ...DEFAULT_SITE_SETTINGS, publisher: '乐山市人民政府办公室' },
        baseVersion: 0,
        actor: 'u-a',
      });
      expect(saved.ok).toBe(true);
      expect((await store.getSiteSettings()).settings.publisher).toBe('乐山市人民政府办公室');
    });

    it('opens a database that has a later migration but not an earlier one (parallel branches merged), applying the missing one', async () => {
      const target = await engine.fresh();
      const conn = await migratedThrough(target, MIGRATION_NAMES.at(-1) ?? '');
      // As if this database was made by a branch without 0006 (a migration written in parallel).
      await sql`DELETE FROM kysely_migration WHERE name = '0006-reporters'`.execute(conn.db);
      await sql`DROP TABLE submissions`.execute(conn.db);
      await sql`DROP TABLE user_departments`.execute(conn.db);
      await conn.close();
      // 0006 re-run needs the users table as 0005 left it: its role CHECK is only widened again.
      const store = await open(target);
      expect(await applied(target)).toEqual([...MIGRATION_NAMES].sort());
      expect(await store.listSubmissions()).toEqual([]);
      expect((await store.getSiteSettings()).version).toBe(0);
    });
  },
);
