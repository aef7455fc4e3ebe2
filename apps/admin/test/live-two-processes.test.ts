import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalReport, listMeasures } from '@leshan/report-core';
import { testDatabase } from '@leshan/testing/test-database';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvents } from '../src/testing/read-events.js';
import type { AdminProcess, AdminProcessEnv } from './admin-process.js';
import { httpSignIn, startAdminProcess, stopAdminProcess } from './admin-process.js';

const ADMIN = {
  ADMIN_EMAIL: 'live@example.org',
  ADMIN_PASSWORD: 'two processes, one draft 乐山 41',
};
/** A save through one process reaches the other's stream within this (ms), on a busy machine. */
const BOUND_MS = 2000;
const SAVES = 5;
const measures = listMeasures(canonicalReport);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const targets: {
  name: string;
  env: () => Promise<Pick<AdminProcessEnv, 'SQLITE_FILE' | 'DATABASE_URL'>>;
}[] = [
  {
    name: 'sqlite',
    env: () => {
      const dir = mkdtempSync(join(tmpdir(), 'admin-live-'));
      dirs.push(dir);
      return Promise.resolve({ SQLITE_FILE: join(dir, 'store.db') });
    },
  },
  { name: 'postgres', env: async () => ({ DATABASE_URL: await testDatabase() }) },
];

describe.each(targets)('issue 13: live across two admin processes ($name)', (target) => {
  it(`shows a save through one process on the other's event stream within ${BOUND_MS} ms`, async () => {
    const env = { ...(await target.env()), ...ADMIN };
    const processes: AdminProcess[] = [];
    try {
      // One after the other: the first creates the schema and the first admin.
      processes.push(await startAdminProcess(env, { keepOutput: false }));
      processes.push(await startAdminProcess(env, { keepOutput: false }));
      const [a, b] = processes as [AdminProcess, AdminProcess];
      const editorA = await httpSignIn(a.baseUrl, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      const editorB = await httpSignIn(b.baseUrl, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      const stream = await fetch(`${b.baseUrl}/api/draft/events`, {
        headers: { cookie: editorB.cookie },
      });
      expect(stream.status).toBe(200);
      const body = stream.body;
      if (body === null) throw new Error('no body');
      await readEvents(body, (e) => e.some((x) => x.event === 'presence'));

      const delays: number[] = [];
      for (let n = 0; n < SAVES; n += 1) {
        const measure = measures[n] ?? { id: '', text: '' };
        const saved = await fetch(`${a.baseUrl}/api/draft/commands`, {
          method: 'POST',
          headers: {
            cookie: editorA.cookie,
            'x-csrf-token': editorA.csrf,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            baseRevision: n,
            commands: [
              {
                type: 'measure.update',
                id: measure.id,
                patch: { text: `${measure.text}（${n}）` },
              },
            ],
          }),
        });
        expect(saved.status).toBe(200);
        const { revision } = (await saved.json()) as { revision: number };
        expect(revision).toBe(n + 1);
        const answered = performance.now();
        const events = await readEvents(
          body,
          (e) => e.some((x) => x.event === 'revision'),
          BOUND_MS,
        );
        delays.push(performance.now() - answered);
        expect(events.filter((e) => e.event === 'revision').map((e) => e.data)).toEqual([
          expect.objectContaining({
            revision,
            keys: expect.arrayContaining([`${measure.id}/text`]),
          }),
        ]);
      }
      expect(Math.max(...delays)).toBeLessThan(BOUND_MS);
      await body.cancel();
    } finally {
      for (const p of processes) await stopAdminProcess(p);
    }
  }, 120_000);
});
