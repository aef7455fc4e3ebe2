import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalReport, listMeasures } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import { testDatabase } from '@leshan/testing/test-database';
import { afterAll, describe, expect, it } from 'vitest';
import type { AdminProcessEnv, HttpSession } from './admin-process.js';
import { httpSignIn, startAdminProcess, stopAdminProcess } from './admin-process.js';

const ADMIN = {
  ADMIN_EMAIL: 'chief@example.org',
  ADMIN_PASSWORD: 'Kill-9 survivor password 乐山 7f3a',
};
const WRONG_PASSWORD = 'a wrong password that must not be logged 91c2';
const LOOPS = 4;
const ACKS_BEFORE_KILL = 40;
const ids = listMeasures(canonicalReport).map((m) => m.id);
const original = new Map(listMeasures(canonicalReport).map((m) => [m.id, m.text]));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Ack {
  revision: number;
  id: string;
  text: string;
}

/** LOOPS writers, each editing its own measures one request at a time against its last acknowledged revision. */
function burst(
  baseUrl: string,
  session: HttpSession,
  acks: Ack[],
  failures: string[],
): Promise<void>[] {
  return Array.from({ length: LOOPS }, async (_, loop) => {
    const mine = ids.slice(loop * 10, loop * 10 + 10);
    let base = 0;
    for (let n = 0; ; n += 1) {
      const id = mine[n % mine.length] ?? '';
      const text = `${original.get(id) ?? ''}（写入 ${loop}-${n}）`;
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/api/draft/commands`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body: JSON.stringify({
            baseRevision: base,
            commands: [{ type: 'measure.update', id, patch: { text } }],
          }),
        });
      } catch {
        return; // the server is gone
      }
      if (res.status !== 200) {
        failures.push(`${res.status} ${await res.text()}`);
        return;
      }
      const body = (await res.json()) as { revision: number };
      acks.push({ revision: body.revision, id, text });
      base = body.revision;
    }
  });
}

const textIn = (report: Report, id: string): string | undefined =>
  listMeasures(report).find((m) => m.id === id)?.text;

describe.each(['sqlite', 'postgres'] as const)(
  'the admin server killed with SIGKILL mid-burst (%s)',
  (engine) => {
    it(
      'restarts on a clean database that holds every acknowledged write, and never logs a password',
      { timeout: 120_000 },
      async () => {
        let env: AdminProcessEnv;
        let sqliteFile: string | undefined;
        if (engine === 'sqlite') {
          const dir = mkdtempSync(join(tmpdir(), 'leshan-admin-crash-'));
          dirs.push(dir);
          sqliteFile = join(dir, 'leshan.db');
          env = { ...ADMIN, SQLITE_FILE: sqliteFile };
        } else {
          env = { ...ADMIN, DATABASE_URL: await testDatabase() };
        }

        const first = await startAdminProcess(env);
        const refused = await fetch(`${first.baseUrl}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: WRONG_PASSWORD }),
        });
        expect(refused.status).toBe(401);
        const session = await httpSignIn(first.baseUrl, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
        const acks: Ack[] = [];
        const failures: string[] = [];
        const writers = burst(first.baseUrl, session, acks, failures);
        // Polls the writers' acknowledgements (5 ms apart) until enough, a failure, or 30 s.
        const deadline = Date.now() + 30_000;
        while (acks.length < ACKS_BEFORE_KILL && failures.length === 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 5));
        expect(await stopAdminProcess(first, 'SIGKILL')).toBe('SIGKILL');
        await Promise.all(writers);
        expect(failures).toEqual([]);
        expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

        if (sqliteFile !== undefined) {
          const db = new Database(sqliteFile);
          try {
            expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          } finally {
            db.close();
          }
        }

        const second = await startAdminProcess(env);
        try {
          const again = await httpSignIn(second.baseUrl, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
          const get = async (path: string) =>
            (
              await fetch(`${second.baseUrl}${path}`, { headers: { cookie: again.cookie } })
            ).json() as Promise<Record<string, unknown>>;
          const draft = (await get('/api/draft')) as { revision: number; report: Report };
          expect(draft.revision).toBeGreaterThanOrEqual(Math.max(...acks.map((a) => a.revision)));
          const lost: string[] = [];
          for (const ack of acks) {
            const revision = (await get(`/api/revisions/${ack.revision}`)) as { report?: Report };
            if (revision.report === undefined || textIn(revision.report, ack.id) !== ack.text)
              lost.push(`revision ${ack.revision} (${ack.id})`);
          }
          expect(lost).toEqual([]);
          // The newest acknowledged text of each measure is in the draft, unless a later (unacknowledged) write replaced it.
          for (const ack of acks) expect(textIn(draft.report, ack.id)).toMatch(/（写入 \d+-\d+）$/);
        } finally {
          await stopAdminProcess(second);
        }

        const logs = first.output() + second.output();
        expect(logs).toMatch(/"msg":"request completed"/);
        expect(logs).toContain('/api/draft/commands');
        for (const secret of [
          ADMIN.ADMIN_PASSWORD,
          WRONG_PASSWORD,
          session.csrf,
          session.cookie.split('=')[1] ?? '',
        ])
          expect(logs).not.toContain(secret);
      },
    );
  },
);
