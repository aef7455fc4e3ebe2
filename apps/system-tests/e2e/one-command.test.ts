import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '@leshan/testing/postgres';
import type { PostgresCluster } from '@leshan/testing/postgres';
import { waitUntil } from '@leshan/testing/wait';
import {
  AdminSession,
  appendToMeasureText,
  createUser,
  draftMeasure,
  publish,
} from '../src/admin-api.js';
import {
  groupAlive,
  isAlive,
  killLeftovers,
  removeDir,
  runUntilExit,
  startExtra,
  startSystem,
  systemPort,
  tempDataDir,
} from '../src/system.js';
import type { Credentials, ExtraProcess, RunningSystem } from '../src/system.js';
import { FORMATS, latestEdition, latestMeasure, waitForAllExports } from '../src/viewer-api.js';

// The first command (`pnpm start`) after its build step: `node tooling/scripts/dist/start-all.js`,
// on free ports and a temporary data folder, stopped with SIGINT to its process group (Ctrl-C).

const MEASURE = 'm38';
const FAST = { POLL_MS: '200' };
const dirs: string[] = [];

afterAll(() => {
  killLeftovers();
  for (const dir of dirs) removeDir(dir);
});

/** Every process the system started is gone, and so is every process group. */
function expectNothingLeft(system: RunningSystem): void {
  for (const pid of [system.pid, ...Object.values(system.pids)]) {
    expect(isAlive(pid), `process ${pid}`).toBe(false);
    expect(groupAlive(pid), `process group ${pid}`).toBe(false);
  }
}

describe('the first command on the embedded SQLite store', () => {
  let dataDir: string;
  let first: RunningSystem;
  let credentials: Credentials;
  const added = '（系统测试在停止前补充的文字，重启后仍在。）';
  let corrected = '';
  const editor = {
    email: 'kept-editor@leshan.example.cn',
    displayName: '重启后仍在',
    role: 'editor' as const,
    password: 'kept-editor-password-1',
  };

  beforeAll(async () => {
    dataDir = tempDataDir();
    dirs.push(dataDir);
    first = await startSystem({ dataDir, env: FAST });
  });

  it('prints the URLs of the viewer and the admin app and the first admin’s generated credentials', () => {
    expect(first.viewerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.output()).toContain(`${first.viewerUrl}/api/v1/editions/latest`);
    expect(first.credentials).not.toBeNull();
    credentials = first.credentials as Credentials;
    expect(credentials.email).toMatch(/@/);
    // Issue 15: the generated password is in an owner-only file the banner names, never in the
    // output, and the first sign-in must change it.
    const firstAdmin = first.firstAdmin;
    expect(firstAdmin).not.toBeNull();
    expect(firstAdmin?.generated.length).toBeGreaterThanOrEqual(16);
    expect(firstAdmin?.mustChangePassword).toBe(true);
    expect(statSync(firstAdmin?.passwordFile ?? '').mode & 0o777).toBe(0o600);
    expect(first.output()).toContain(`first admin created): ${credentials.email}`);
    expect(first.output()).not.toContain(firstAdmin?.generated);
    // The data stay in the temporary folder: the store and the exports, never the repository's data/.
    expect(first.output()).toContain(join(dataDir, 'leshan.db'));
    expect(first.exportDir).toBe(join(dataDir, 'exports'));
  });

  it('answers on the admin app and the viewer, and the worker has exported the canonical edition', async () => {
    expect((await fetch(`${first.adminUrl}/readyz`)).status).toBe(200);
    const adminPage = await fetch(`${first.adminUrl}/admin/`);
    expect(adminPage.status).toBe(200);
    expect(await adminPage.text()).toContain('<div id="root"');
    const home = await fetch(`${first.viewerUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('乐山');
    const edition = await latestEdition(first.viewerUrl);
    expect(edition.number).toBe(1);

    const list = await waitForAllExports(first.viewerUrl, 1);
    expect(list.artifacts.map((a) => a.format).sort()).toEqual([...FORMATS].sort());
    const files = readdirSync(join(first.exportDir, edition.id));
    for (const artifact of list.artifacts) expect(files).toContain(artifact.fileName);
  });

  it('keeps a change made through the admin API before the stop', async () => {
    const session = await AdminSession.mustSignIn(first.adminUrl, credentials);
    corrected = await appendToMeasureText(session, MEASURE, added);
    await createUser(session, editor);
    expect((await draftMeasure(session, MEASURE)).text).toBe(corrected);
  });

  it('stops all three processes on Ctrl-C, with exit code 0 and no process left behind', async () => {
    const exit = await first.stop();
    expect(exit.signal).toBeNull();
    expect(exit.code, exit.output).toBe(0);
    for (const app of ['admin', 'viewer', 'worker'])
      expect(exit.output).toMatch(new RegExp(`${app}\\s*│ 已停止 \\(stopped: 0\\)`));
    expect(exit.ms).toBeLessThan(15_000);
    expectNothingLeft(first);
  });

  it('starts again on the same data folder: the data are kept, no new password is printed, the first one still works', async () => {
    const second = await startSystem({ dataDir, env: FAST });
    try {
      expect(second.credentials).toBeNull();
      expect(second.output()).not.toContain('initial password file');
      expect(second.output()).toContain('printed on the first start only');
      expect(second.output()).not.toContain(credentials.password);
      const session = await AdminSession.mustSignIn(second.adminUrl, credentials);
      expect((await draftMeasure(session, MEASURE)).text).toBe(corrected);
      await AdminSession.mustSignIn(second.adminUrl, editor);
      expect((await latestEdition(second.viewerUrl)).number).toBe(1);
    } finally {
      const exit = await second.stop();
      expect(exit.code, exit.output).toBe(0);
      expectNothingLeft(second);
    }
  });
});

describe('a bad setting', () => {
  it.each([
    ['VIEWER_PORT', 'abc'],
    ['ADMIN_PORT', '-1'],
    ['DATABASE_URL', 'mysql://leshan:secret@127.0.0.1:3306/leshan'],
    ['SITE_URL', 'not a url'],
  ])(
    '%s=%s stops the start with a message naming the variable, and nothing is started',
    async (name, value) => {
      const dataDir = tempDataDir();
      dirs.push(dataDir);
      const adminPort = await systemPort();
      const viewerPort = await systemPort([adminPort]);
      const exit = await runUntilExit({
        DATA_DIR: dataDir,
        ADMIN_PORT: String(adminPort),
        VIEWER_PORT: String(viewerPort),
        [name]: value,
      });
      expect(exit.code).toBe(1);
      expect(exit.output).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
      expect(exit.output).toContain('nothing was started');
      // No process printed anything, and nothing was written: no store, no exports.
      expect(exit.output).not.toMatch(/^(admin|viewer|worker)\s*│/m);
      expect(readdirSync(dataDir)).toEqual([]);
      expect(exit.ms).toBeLessThan(10_000);
    },
  );
});

describe('the same system on PostgreSQL, with one more viewer and one more worker', () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  let system: RunningSystem;
  let extraViewer: ExtraProcess;
  let extraViewerUrl: string;
  let extraWorker: ExtraProcess;

  beforeAll(async () => {
    cluster = await startPostgres();
    databaseUrl = await createDatabase(cluster.url('postgres'));
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    system = await startSystem({ dataDir, env: { ...FAST, DATABASE_URL: databaseUrl } });
  });

  afterAll(async () => {
    await extraViewer?.stop();
    await extraWorker?.stop();
    if (system !== undefined) {
      const exit = await system.stop();
      expect(exit.code, exit.output).toBe(0);
      expectNothingLeft(system);
    }
    await cluster?.destroy();
  });

  it('starts on PostgreSQL, seeded with the canonical report as edition 1', async () => {
    expect(system.output()).toMatch(/数据 \(data\):\s+PostgreSQL \(DATABASE_URL\)/);
    expect(system.credentials).not.toBeNull();
    expect((await fetch(`${system.adminUrl}/readyz`)).status).toBe(200);
    expect((await latestEdition(system.viewerUrl)).number).toBe(1);
    // Nothing on SQLite: the data folder holds only the exports.
    expect(existsSync(join(system.dataDir, 'leshan.db'))).toBe(false);
  });

  it('adds a viewer that serves the same latest edition', async () => {
    const port = await systemPort([
      Number(new URL(system.viewerUrl).port),
      Number(new URL(system.adminUrl).port),
    ]);
    extraViewerUrl = `http://127.0.0.1:${port}`;
    extraViewer = startExtra('viewer', {
      DATABASE_URL: databaseUrl,
      DATA_DIR: system.dataDir,
      VIEWER_PORT: String(port),
      SITE_URL: system.viewerUrl,
    });
    await waitUntil(
      () => `the extra viewer:\n${extraViewer.output()}`,
      async () => (await fetch(`${extraViewerUrl}/`)).ok,
      60_000,
      200,
    );
    const [a, b] = await Promise.all([
      latestEdition(system.viewerUrl),
      latestEdition(extraViewerUrl),
    ]);
    expect(b).toEqual(a);
  });

  it('adds a worker; after a publish both viewers show the new edition, and each export job is done once', async () => {
    extraWorker = startExtra('worker', {
      ...FAST,
      DATABASE_URL: databaseUrl,
      DATA_DIR: system.dataDir,
      EXPORT_DIR: system.exportDir,
      WORKER_ID: 'extra-worker',
    });
    await waitUntil(
      () => `the extra worker:\n${extraWorker.output()}`,
      () => extraWorker.logs().some((l) => l.msg === 'export worker started'),
      60_000,
      200,
    );

    const session = await AdminSession.mustSignIn(
      system.adminUrl,
      system.credentials as Credentials,
    );
    const text = await appendToMeasureText(session, MEASURE, '（在 PostgreSQL 上发布的新文字。）');
    expect(await publish(session)).toBe(2);

    for (const viewerUrl of [system.viewerUrl, extraViewerUrl]) {
      const measure = await waitUntil(
        `edition 2 at ${viewerUrl}`,
        async () => {
          const found = await latestMeasure(viewerUrl, MEASURE);
          return found.edition.number === 2 ? found : null;
        },
        20_000,
        200,
      );
      expect(measure.measure.text).toBe(text);
    }

    const list = await waitForAllExports(extraViewerUrl, 2);
    const tagged =
      (by: string) =>
      (line: Record<string, unknown>): Record<string, unknown> => ({ ...line, by });
    const done = [
      ...system.logs('worker').map(tagged('start-all')),
      ...extraWorker.logs().map(tagged('extra')),
    ].filter((l) => l.msg === 'job done' && l.editionId === list.edition.id);
    const formats = done.map((l) => String(l.format)).sort();
    expect(formats).toEqual([...FORMATS].sort());
    // Both workers took part (a job takes far longer than a poll), and none did a job twice.
    expect(new Set(done.map((l) => l.by)), 'workers that did jobs').toEqual(
      new Set(['start-all', 'extra']),
    );
  });
});
