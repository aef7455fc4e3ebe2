import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMeasures } from '@leshan/report-core';
import { openStore } from '@leshan/report-store';
import type { Store } from '@leshan/report-store';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { freePort } from '@leshan/testing/ports';
import { createDatabase, startPostgres } from '@leshan/testing/postgres';
import type { PostgresCluster } from '@leshan/testing/postgres';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';
import { TEST_CONFIG } from '../src/testing/admin-harness.js';
import { SCREENSHOT_DIR } from './browser.js';

// Issue 18's acceptance: a reporter of 交通运输局 submits an actual value of m38-t1 in Chromium,
// an editor approves it in the 待审核 queue, a publisher publishes, and the viewer's public API
// (started from its source against the same store) shows attainment 43 % and 'behind'. The
// reporter gets 403 on a measure of another department. On SQLite and on PostgreSQL.

const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));
const VIEWER_DIR = fileURLToPath(new URL('../../viewer/', import.meta.url));
const PASSWORD = 'acceptance password 2026';
const USERS = {
  admin: { email: 'admin18@example.org', displayName: '管理员', role: 'admin' },
  editor: { email: 'editor18@example.org', displayName: '李编辑', role: 'editor' },
  publisher: { email: 'publisher18@example.org', displayName: '王发布', role: 'publisher' },
  reporter: { email: 'jt18@example.org', displayName: '交通运输局填报员', role: 'reporter' },
} as const;
const JT = { id: 'dept-jtysj', name: '交通运输局' };
const EDU = { id: 'dept-jyj', name: '教育局' };
const SOURCE_URL = 'https://jtys.leshan.gov.cn/notice/2025-01-10.html';

/** A signed-in API session (cookie + CSRF), as the admin UI holds one. */
async function apiSession(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  };
}

async function startViewer(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'pnpm',
    ['exec', 'tsx', '--conditions=@leshan/source', 'src/server/index.ts'],
    {
      cwd: VIEWER_DIR,
      env: { ...process.env, ...env, VIEWER_PORT: String(port), VIEWER_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes('viewer: http')) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the viewer did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

let browser: Browser;
let cluster: PostgresCluster | undefined;
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await cluster?.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const ENGINES = [
  {
    name: 'sqlite',
    target: () => {
      const dir = mkdtempSync(join(tmpdir(), 'leshan-issue18-'));
      dirs.push(dir);
      const file = join(dir, 'leshan.db');
      return Promise.resolve({
        store: { sqliteFile: file },
        viewer: { DATA_DIR: dir, SQLITE_FILE: file },
      });
    },
  },
  {
    name: 'postgres',
    target: async () => {
      cluster ??= await startPostgres();
      const url = await createDatabase(cluster.url('postgres'));
      return { store: { databaseUrl: url }, viewer: { DATABASE_URL: url } };
    },
  },
] as const;

describe.each(ENGINES)(
  'issue 18 acceptance: a bureau reports, an editor approves, the public sees ($name)',
  (engine) => {
    let store: Store;
    let server: Server;
    let baseUrl = '';
    let viewer: ChildProcess | undefined;
    afterAll(async () => {
      // The viewer runs under pnpm and tsx: its whole process group stops.
      if (viewer?.pid !== undefined) process.kill(-viewer.pid, 'SIGTERM');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    });

    it('shows 43 % and behind for m38-t1 after the reporter’s 90 km is approved and published', async () => {
      const target = await engine.target();
      store = await openStore(target.store);
      const ids: Record<string, string> = {};
      for (const [key, user] of Object.entries(USERS)) {
        const created = await store.createUser({ ...user, password: PASSWORD });
        if (!created.ok) throw new Error(created.error.message.en);
        ids[key] = created.user.id;
      }
      const app = createServer({
        store,
        logger: pino({ level: 'silent' }),
        config: {
          ...TEST_CONFIG,
          loginMaxAttempts: 50,
          viewerUrl: 'http://127.0.0.1:4200',
          webDir: WEB_DIR,
        },
      });
      server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      // The canonical data names no department: the editor adds them and the responsibilities.
      const editor = await apiSession(baseUrl, USERS.editor.email);
      const draft = await editor('GET', '/api/draft');
      const other = listMeasures(
        (draft.body as { report: Parameters<typeof listMeasures>[0] }).report,
      ).find((m) => m.id !== 'm38');
      const otherId = other?.id ?? '';
      const edited = await editor('POST', '/api/draft/commands', {
        baseRevision: draft.body.revision,
        commands: [
          { type: 'department.add', department: JT },
          { type: 'department.add', department: EDU },
          {
            type: 'responsibility.set',
            measureId: 'm38',
            responsibility: { lead: JT.id, co: [], deadline: '2025-12-31', milestones: [] },
          },
          {
            type: 'responsibility.set',
            measureId: otherId,
            responsibility: { lead: EDU.id, co: [], deadline: null, milestones: [] },
          },
        ],
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const admin = await apiSession(baseUrl, USERS.admin.email);
      const assigned = await admin('PUT', `/api/users/${ids.reporter}/departments`, {
        departments: [JT.id],
      });
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);

      // The reporter, in Chromium: my measures, the 实际值 form, my submissions.
      const context = await browser.newContext({
        viewport: { width: 360, height: 800 },
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, baseUrl, USERS.reporter.email);
      await expect(page.getByRole('heading', { name: '我的举措' }).isVisible()).resolves.toBe(true);
      expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0);
      const card = page.locator('.reporter-measure').filter({ hasText: '高速公路' }).first();
      await card.getByLabel('目标').selectOption('m38-t1');
      await card.getByRole('textbox', { name: '实际值' }).fill('90');
      await card.getByLabel('截至日期').fill('2024-12-31');
      await card.getByLabel('来源名称').fill('乐山市交通运输局通知');
      await card.getByLabel('来源链接').fill(SOURCE_URL);
      if (engine.name === 'sqlite')
        await screenshot(page, SCREENSHOT_DIR, 'issue-18-reporter-form-360');
      await card.getByRole('button', { name: '提交审核' }).click();
      await card.getByText('已提交，等待编辑审核。').waitFor();
      await page.locator('.submission-pending').first().waitFor();
      if (engine.name === 'sqlite') {
        await screenshot(page, SCREENSHOT_DIR, 'issue-18-reporter-submitted-360');
        await page.setViewportSize({ width: 1280, height: 900 });
        await screenshot(page, SCREENSHOT_DIR, 'issue-18-reporter-1280');
      }

      // 403 on a measure of another department, and on the draft itself.
      const reporter = await apiSession(baseUrl, USERS.reporter.email);
      const refused = await reporter('GET', `/api/reporter/measures/${otherId}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('这项举措不属于您所在的部门，不能查看或报送');
      const outside = await reporter('POST', '/api/reporter/submissions', {
        kind: 'progress',
        measureId: otherId,
        update: { date: '2025-01-01', note: '越权报送' },
      });
      expect(outside.status).toBe(403);
      expect((await reporter('GET', '/api/draft')).status).toBe(403);

      // The editor approves it in the 待审核 queue.
      const editorPage = await (
        await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
      ).newPage();
      const editorProblems = watchProblems(editorPage);
      await signIn(editorPage, baseUrl, USERS.editor.email);
      await editorPage.goto(`${baseUrl}/admin/review`);
      const item = editorPage.locator('.submission').filter({ hasText: '实际值 90' });
      await item.waitFor();
      if (engine.name === 'sqlite')
        await screenshot(editorPage, SCREENSHOT_DIR, 'issue-18-review-queue-1280');
      await item.getByRole('button', { name: '采纳' }).click();
      await editorPage.getByText('没有等待审核的报送。').waitFor();
      const head = await store.getDraft();
      const revision = await store.getRevision(head?.revision ?? 0);
      expect(revision?.author).toBe(ids.reporter);
      expect(revision?.commands[0]?.type).toBe('observation.add');
      const mine = await reporter('GET', '/api/reporter/submissions');
      expect((mine.body.submissions as { status: string }[])[0]?.status).toBe('approved');

      // A publisher publishes; the viewer's public API shows the attainment.
      const publisher = await apiSession(baseUrl, USERS.publisher.email);
      const published = await publisher('POST', '/api/editions', { baseRevision: head?.revision });
      expect(published.status, JSON.stringify(published.body)).toBe(201);
      const started = await startViewer(target.viewer);
      viewer = started.child;
      const res = await fetch(`${started.url}/api/v1/measures/m38`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        measure: {
          indicators: { id: string; attainment: { percent: number | null; verdict: string } }[];
        };
      };
      const t1 = body.measure.indicators.find((i) => i.id === 'm38-t1');
      expect(t1?.attainment.verdict).toBe('behind');
      expect(t1?.attainment.percent).toBeCloseTo(42.86, 2);
      expect(Math.round(t1?.attainment.percent ?? 0)).toBe(43);
      const audit = await store.listAudit({ limit: 50 });
      expect(audit.ok && audit.entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['submission.submit', 'submission.approve', 'user.departments']),
      );
      expect([...problems, ...editorProblems]).toEqual([]);
    }, 240_000);
  },
);
