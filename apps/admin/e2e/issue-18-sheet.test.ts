import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { csvFile, decodeText, listMeasures, parseCsv, SHEET_COLUMNS } from '@leshan/report-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { SCREENSHOT_DIR } from './browser.js';
import { EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';

// Issue 18 point 4 in a browser: download the draft's sheet, fill in new updates (one of them
// wrong), upload it, read the preview by row and column, apply, and find the updates in the draft;
// then undo it — as an editor, not a publisher (any editor may undo a bulk update).

let admin: RunningAdmin;
let browser: Browser;
let dir: string;
const problems: string[][] = [];
const at = (key: string) => SHEET_COLUMNS.findIndex((c) => c.key === key);

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'leshan-sheet-e2e-'));
});
afterAll(async () => {
  await browser.close();
  await admin.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  problems.push(watchProblems(page));
  await page.goto(`${admin.baseUrl}/admin/sheet`);
  await page.getByLabel('电子邮箱').fill(EDITOR.email);
  await page.getByLabel('密码', { exact: true }).fill(EDITOR.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '批量更新' }).waitFor();
  return page;
}

describe('the bulk round trip in Chromium', () => {
  it('download → edit → upload → preview → apply → undo, by an editor', async () => {
    const page = await open(1280);
    const start = await admin.store.getDraft();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 CSV' }).click(),
    ]);
    const saved = join(dir, 'downloaded.csv');
    await download.saveAs(saved);
    const parsed = parseCsv(decodeText(new Uint8Array(readFileSync(saved))));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const rows = parsed.rows.slice(1);
    const measureRows = rows.filter((r) => r[at('indicator_id')] === '');
    expect(measureRows).toHaveLength(76);
    const fill = (row: (typeof rows)[number], date: string, note: string) => {
      row[at('update_date')] = date;
      row[at('update_status')] = '推进中';
      row[at('update_note')] = note;
    };
    const [first, second, third] = measureRows;
    if (first === undefined || second === undefined || third === undefined)
      throw new Error('no rows');
    fill(first, '2025-06-30', '一期工程已开工');
    fill(second, '2025-07-01', '已完成规划编制');
    fill(third, '2025-13-01', '日期写错了');
    const edited = join(dir, 'edited.csv');
    writeFileSync(
      edited,
      csvFile(
        SHEET_COLUMNS.map((c) => c.header),
        rows,
      ),
    );

    await page.getByLabel('上传填好的表格（.xlsx 或 .csv）').setInputFiles(edited);
    await page.getByRole('heading', { name: '预览' }).waitFor();
    await expect(page.locator('.sheet-summary').textContent()).resolves.toContain(
      '将应用 2 行 · 有错误 1 行',
    );
    const badRow = rows.indexOf(third) + 2;
    await expect(page.locator('.sheet-row.sheet-error').textContent()).resolves.toContain(
      `第 ${badRow} 行`,
    );
    await expect(page.locator('.sheet-row.sheet-error').textContent()).resolves.toContain(
      '“新进展日期”列：新进展日期“2025-13-01”不是有效的日期',
    );
    await screenshot(page, SCREENSHOT_DIR, 'issue-18-sheet-preview-1280');

    const narrow = await open(360);
    await narrow.getByLabel('上传填好的表格（.xlsx 或 .csv）').setInputFiles(edited);
    await narrow.getByRole('heading', { name: '预览' }).waitFor();
    expect(
      await narrow.evaluate<number>(
        '(document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth',
      ),
    ).toBeLessThanOrEqual(0);
    await screenshot(narrow, SCREENSHOT_DIR, 'issue-18-sheet-preview-360');

    await page.getByRole('button', { name: '应用 2 行（一个修订）' }).click();
    await page.getByRole('heading', { name: '已应用' }).waitFor();
    await screenshot(page, SCREENSHOT_DIR, 'issue-18-sheet-applied-1280');
    const draft = await admin.store.getDraft();
    if (draft === null) throw new Error('the draft is gone');
    const updated = listMeasures(draft.report)
      .filter((m) => m.measure.tracking.updates.length > 0)
      .map((m) => m.id);
    expect(updated).toEqual([first[at('measure_id')], second[at('measure_id')]]);

    const undo = page.getByRole('button', { name: '撤销这次批量更新' });
    expect(await undo.isEnabled()).toBe(true);
    await undo.click();
    await page.getByRole('heading', { name: '已应用' }).waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('div.visually-hidden[role=status]').textContent())
      .toContain(
        `已撤销批量更新：草稿现为第 ${draft.revision + 1} 版，内容与第 ${start?.revision} 版相同`,
      );
    const undone = await admin.store.getDraft();
    expect(undone?.revision).toBe(draft.revision + 1);
    expect(undone?.reportHash).toBe(start?.reportHash);
    const editor = await admin.store.findUserByEmail(EDITOR.email);
    expect((await admin.store.getRevision(draft.revision + 1))?.author).toBe(editor?.id);
    await screenshot(page, SCREENSHOT_DIR, 'issue-18-sheet-undone-1280');
    expect(problems.flat()).toEqual([]);
  });
});
