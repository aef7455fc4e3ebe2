import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { TRACKING_STATUS_LABELS } from '@leshan/report-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminSession, draftMeasure } from '../src/admin-api.js';
import { killLeftovers, removeDir, startSystem, tempDataDir } from '../src/system.js';
import type { Credentials, RunningSystem } from '../src/system.js';
import { exportFormatLabel } from '@leshan/report-core/labels';
import { FORMATS, latestEdition, latestMeasure, waitForAllExports } from '../src/viewer-api.js';

// The path from an editor's correction to a citizen's download, in Chromium, on the system as the
// first command starts it: nothing is restarted between the steps.

/** Git-ignored: screenshots of each step, for people to look at. */
const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));
const MEASURE = 'm38';
const MEASURE_START = '落实“一环九射两纵两横”高速公路网';
/** Added to the measure's text by the editor; unique in the report, so search finds only it. */
const ADDITION = '同步建设乐山港二期多式联运枢纽。';
const SEARCH_TERM = '多式联运枢纽';
const PROGRESS = 45;
const STATUS = 'in-progress' as const;
const UPDATE = { date: '2026-11-20', note: '乐山港二期多式联运枢纽完成主体工程招标。' };
const EDITOR = {
  email: 'editor@leshan.example.cn',
  displayName: '李编辑',
  password: 'editor-password-2026',
  role: 'editor',
};
const PUBLISHER = {
  email: 'publisher@leshan.example.cn',
  displayName: '王发布',
  password: 'publisher-password-2026',
  role: 'publisher',
};

let system: RunningSystem;
let exportDir: string;
let admin: Credentials;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
let newText = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  contexts.push(context);
  const page = await context.newPage();
  const seen = watchProblems(page);
  page.on('close', () => problems.push(...seen));
  return page;
}

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${system.adminUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

const saved = (page: Page) =>
  page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
/** Text without any whitespace: PDF and Word output breaks lines inside sentences. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const stripTags = (xml: string) => xml.replace(/<[^>]+>/g, '');

beforeAll(async () => {
  // Exports in their own folder (EXPORT_DIR), apart from the store: the viewer serves each file
  // from where the worker recorded it.
  exportDir = tempDataDir();
  system = await startSystem({ env: { POLL_MS: '200', EXPORT_DIR: exportDir } });
  admin = system.credentials as Credentials;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (system !== undefined) {
    const exit = await system.stop();
    expect(exit.code, exit.output).toBe(0);
    removeDir(system.dataDir);
    removeDir(exportDir);
  }
  killLeftovers();
});

describe('from an editor’s correction to the public downloads, without a restart', () => {
  it('the first admin signs in with the printed password and creates an editor and a publisher on the Users screen', async () => {
    expect(admin).not.toBeNull();
    const page = await newPage();
    await signIn(page, admin);
    await screenshot(page, SCREENSHOT_DIR, '01-admin-signed-in');
    // In the header's 管理 menu (apps/admin/web/src/layout/main-nav.tsx).
    await page.getByRole('button', { name: '管理', exact: true }).click();
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('cell', { name: admin.email }).waitFor();
    for (const user of [EDITOR, PUBLISHER]) {
      await page.getByLabel('姓名', { exact: true }).fill(user.displayName);
      await page.getByLabel('电子邮箱').fill(user.email);
      await page.getByLabel('角色', { exact: true }).selectOption(user.role);
      await page.getByLabel('初始密码').fill(user.password);
      await page.getByRole('button', { name: '创建用户' }).click();
      await page.getByRole('cell', { name: user.email }).waitFor();
    }
    await screenshot(page, SCREENSHOT_DIR, '02-admin-users-created');
  });

  it('the editor corrects the measure’s text, sets its status and progress, records a dated update, and sees it saved', async () => {
    const page = await newPage();
    await signIn(page, EDITOR);
    await expect(page.locator('.role-badge').textContent()).resolves.toBe('编辑');
    await page.getByLabel('筛选大纲').fill(MEASURE_START);
    await page.getByRole('treeitem', { name: new RegExp(MEASURE_START) }).click();
    const text = page.getByLabel('举措内容');
    await text.waitFor();
    newText = `${await text.inputValue()}${ADDITION}`;
    await text.fill(newText);
    await saved(page);
    await page.getByLabel('状态', { exact: true }).selectOption(STATUS);
    await page.getByLabel('进度（%）').fill(String(PROGRESS));
    await saved(page);
    await page.getByLabel('日期', { exact: true }).fill(UPDATE.date);
    await page.getByLabel('进展说明').fill(UPDATE.note);
    await page.getByRole('button', { name: '添加记录' }).click();
    await page.getByText(UPDATE.note).first().waitFor();
    await saved(page);
    await screenshot(page, SCREENSHOT_DIR, '03-editor-saved');

    // What the UI says it saved is what the admin API has in the draft.
    const session = await AdminSession.mustSignIn(system.adminUrl, EDITOR);
    expect((await draftMeasure(session, MEASURE)).text).toBe(newText);
  });

  it('the publisher signs in, publishes edition 2 through the UI and sees its exports done', async () => {
    const page = await newPage();
    await signIn(page, PUBLISHER);
    // In the header's 导入与发布 menu.
    await page.getByRole('button', { name: '导入与发布' }).click();
    await page.getByRole('link', { name: '发布', exact: true }).click();
    await page.getByText('数据校验通过').waitFor();
    await screenshot(page, SCREENSHOT_DIR, '04-publisher-checklist');
    await page.getByRole('button', { name: '发布新版本' }).click();
    await page
      .getByRole('dialog', { name: '确认发布' })
      .getByRole('button', { name: '发布' })
      .click();
    await page.getByRole('heading', { name: /第 2 版已发布/ }).waitFor();
    await page.locator('.editions li[data-edition="2"]').waitFor();
    // The publisher watches the worker make the new edition's files.
    await page.getByText('导出已结束。').waitFor({ timeout: 90_000 });
    await expect(page.locator('td.job-done').count()).resolves.toBe(FORMATS.length);
    await screenshot(page, SCREENSHOT_DIR, '05-publisher-exports-done');
  });

  it('the viewer, still running, shows the new text and progress on the chapter page and in search', async () => {
    const found = await latestMeasure(system.viewerUrl, MEASURE);
    expect(found.edition.number).toBe(2);
    expect(found.measure.text).toBe(newText);

    const page = await newPage();
    await page.goto(`${system.viewerUrl}/chapters/${found.chapter.number}#${MEASURE}`);
    const item = page.locator(`li#${MEASURE}`);
    await expect(item.textContent()).resolves.toContain(ADDITION);
    const facts = await item.locator('.measure-facts').textContent();
    expect(facts).toContain(TRACKING_STATUS_LABELS[STATUS].zh);
    expect(facts).toContain(`完成 ${PROGRESS}%`);
    await item.locator('details.updates summary').click();
    const updates = await item.locator('details.updates').textContent();
    expect(updates).toContain(UPDATE.date);
    expect(updates).toContain(UPDATE.note);
    await screenshot(page, SCREENSHOT_DIR, '06-viewer-chapter');
    await item.screenshot({ path: join(SCREENSHOT_DIR, '06b-viewer-measure.png') });

    await page.goto(`${system.viewerUrl}/search?q=${encodeURIComponent(SEARCH_TERM)}`);
    const results = await page.locator('main').textContent();
    expect(results).toContain(SEARCH_TERM);
    // A hit links to the measure's own page (issue 19).
    await expect(
      page.locator(`main a[href="/measures/${MEASURE}"]`).count(),
    ).resolves.toBeGreaterThan(0);
    await screenshot(page, SCREENSHOT_DIR, '07-viewer-search');
  });

  it('the viewer’s Downloads page lists every format of edition 2; each file downloads with the listed sha256 and contains the new text', async () => {
    const page = await newPage();
    // The worker renders the new edition's files while people browse: wait for it (the viewer's API).
    await waitForAllExports(system.viewerUrl, 2);
    await page.goto(`${system.viewerUrl}/downloads`);
    await expect(page.locator('p.lede').textContent()).resolves.toMatch(/2/);
    await screenshot(page, SCREENSHOT_DIR, '08-viewer-downloads');

    const formatOfLabel = new Map(FORMATS.map((f) => [exportFormatLabel(f), f] as const));
    const rows = page.locator('table.downloads tbody tr');
    const listed: { format: string; fileName: string; sha256: string }[] = [];
    for (let i = 0; i < (await rows.count()); i += 1) {
      const row = rows.nth(i);
      listed.push({
        // Listed by the name people know it by (issue 13 point 8); read back as its format id.
        format: formatOfLabel.get((await row.locator('td').first().textContent()) ?? '') ?? '?',
        fileName: (await row.locator('a').textContent()) ?? '',
        sha256: (await row.locator('code.checksum').textContent()) ?? '',
      });
    }
    expect(listed.map((l) => l.format).sort()).toEqual([...FORMATS].sort());

    // The files are in EXPORT_DIR, as the banner says, one folder per edition.
    expect(system.exportDir).toBe(exportDir);
    const edition = await latestEdition(system.viewerUrl);
    expect(readdirSync(join(exportDir, edition.id)).sort()).toEqual(
      listed.map((l) => l.fileName).sort(),
    );

    const contents = new Map<string, Buffer>();
    for (const file of listed) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: file.fileName, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(file.fileName);
      const bytes = readFileSync(await download.path());
      expect(createHash('sha256').update(bytes).digest('hex'), file.fileName).toBe(file.sha256);
      contents.set(file.format, bytes);
    }
    // Each link answers 200 on its own too (not only through the browser's download manager).
    for (const file of listed) {
      const href = await page
        .getByRole('link', { name: file.fileName, exact: true })
        .getAttribute('href');
      const res = await fetch(new URL(href ?? '', system.viewerUrl));
      expect(res.status, file.fileName).toBe(200);
      expect(
        createHash('sha256')
          .update(Buffer.from(await res.arrayBuffer()))
          .digest('hex'),
      ).toBe(file.sha256);
    }

    const get = (format: string): Buffer => {
      const bytes = contents.get(format);
      if (bytes === undefined) throw new Error(`no ${format} file`);
      return bytes;
    };
    const unzip = (format: string) => unzipSync(new Uint8Array(get(format)));
    const textOf = (files: Record<string, Uint8Array>, pattern: RegExp) =>
      Object.entries(files)
        .filter(([name]) => pattern.test(name))
        .map(([, data]) => strFromU8(data))
        .join('\n');

    const json = JSON.parse(get('json').toString('utf8')) as unknown;
    expect(JSON.stringify(json)).toContain(ADDITION);
    expect(JSON.stringify(json)).toContain(UPDATE.note);
    expect(get('csv-measures').toString('utf8')).toContain(ADDITION);
    expect(get('md').toString('utf8')).toContain(ADDITION);
    expect(squeeze(stripTags(get('html').toString('utf8')))).toContain(squeeze(ADDITION));
    expect(squeeze(stripTags(textOf(unzip('xlsx'), /^xl\/.*\.xml$/)))).toContain(squeeze(ADDITION));
    expect(squeeze(stripTags(textOf(unzip('docx'), /^word\/document\.xml$/)))).toContain(
      squeeze(ADDITION),
    );
    const dataPackage = unzip('datapackage');
    expect(textOf(dataPackage, /^data\/measures\.csv$/)).toContain(ADDITION);
    expect(textOf(dataPackage, /^data\/report\.json$/)).toContain(ADDITION);
    const pdfText = await pdfToText(get('pdf'));
    expect(squeeze(pdfText)).toContain(squeeze(ADDITION));
    // The two files that describe the data rather than hold its sentences: the JSON Schema of the
    // report, and the targets table (the measure's targets, unchanged by the correction).
    expect(JSON.parse(get('json-schema').toString('utf8'))).toMatchObject({
      $schema: expect.stringContaining('json-schema.org'),
    });
    expect(get('csv-indicators').toString('utf8')).toMatch(
      new RegExp(`^${MEASURE}-t1,${MEASURE},`, 'm'),
    );
  });

  it('caused no script error and no CSP violation in any page', async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(problems).toEqual([]);
  });
});

/** The PDF's text as poppler's pdftotext reads it. */
async function pdfToText(bytes: Buffer): Promise<string> {
  const child = execFile('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: string) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`pdftotext exited with ${code}`)),
    );
  });
  child.stdin?.end(bytes);
  return out;
}
