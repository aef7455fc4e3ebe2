import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMeasures, sourceText } from '@leshan/report-core';
import type { Measure } from '@leshan/report-core';
import { openStore } from '@leshan/report-store';
import type { Store } from '@leshan/report-store';
import { pino } from 'pino';
import { createServer } from '../src/server.js';
import { TEST_CONFIG } from '../src/testing/admin-harness.js';

export const ADMIN = {
  email: 'e2e-admin@leshan.example.cn',
  password: 'e2e-correct-horse-battery',
  displayName: '测试管理员',
} as const;
/** A second person, an editor, for the conflict. */
export const EDITOR = {
  email: 'e2e-editor@leshan.example.cn',
  password: 'e2e-staple-battery-horse',
  displayName: '李编辑',
} as const;
const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface RunningAdmin {
  baseUrl: string;
  store: Store;
  sourceText: string;
  draftMeasure(id: string): Promise<Measure>;
  draftMeasureOrder(id: string): Promise<{ sectionId: string; index: number }>;
  close(): Promise<void>;
}

/** The real admin server over a fresh SQLite store seeded with the canonical report. */
export async function startAdmin(): Promise<RunningAdmin> {
  const dir = mkdtempSync(join(tmpdir(), 'leshan-admin-e2e-'));
  const store = await openStore({ sqliteFile: join(dir, 'leshan.db') });
  for (const user of [
    { ...ADMIN, role: 'admin' as const },
    { ...EDITOR, role: 'editor' as const },
  ]) {
    const created = await store.createUser(user);
    if (!created.ok)
      throw new Error(`e2e: cannot create ${user.email}: ${created.error.message.en}`);
  }
  const app = createServer({
    store,
    logger: pino({ level: 'silent' }),
    config: {
      ...TEST_CONFIG,
      loginMaxAttempts: 20,
      viewerUrl: 'http://127.0.0.1:4200',
      webDir: WEB_DIR,
      bodyLimit: '5mb',
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const measures = async () => {
    const draft = await store.getDraft();
    if (draft === null) throw new Error('e2e: no draft');
    return listMeasures(draft.report);
  };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    sourceText,
    async draftMeasure(id) {
      const found = (await measures()).find((m) => m.id === id);
      if (found === undefined) throw new Error(`e2e: no measure ${id}`);
      return found.measure;
    },
    async draftMeasureOrder(id) {
      const all = await measures();
      const found = all.find((m) => m.id === id);
      if (found === undefined) throw new Error(`e2e: no measure ${id}`);
      return {
        sectionId: found.sectionId,
        index: all.filter((m) => m.sectionId === found.sectionId).indexOf(found),
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
