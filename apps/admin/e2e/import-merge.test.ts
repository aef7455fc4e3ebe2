import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { axeViolations, SCREENSHOT_DIR } from './browser.js';
import { ADMIN, EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';
import { openScreen } from './nav.js';

// Issue 14: three sentences reworded, one added after 将乐山港升级改造为成都港。
const CHANGES: [string, string][] = [
  ['推动县级市改革和县域集成改革。', '深入推动县级市改革和县域集成改革。'],
  ['深化基层网格化服务管理。', '深化基层网格化服务管理,提升基层治理水平。'],
  ['实施教育“五大发展争先进计划”。', '深入实施教育“五大发展争先进计划”。'],
];
const ADDED = '加快建设乐山港多式联运物流中心。';

let admin: RunningAdmin;
let browser: Browser;
const problems: string[] = [];

function editedSource(text: string): string {
  const lines = text.split('\n');
  for (const [from, to] of CHANGES) lines[lines.indexOf(from)] = to;
  lines.splice(lines.indexOf('将乐山港升级改造为成都港。') + 1, 0, '', ADDED);
  return lines.join('\n');
}

async function openImport(
  width: number,
  user: { email: string; password: string; displayName: string },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const seen = watchProblems(page);
  page.on('close', () => problems.push(...seen));
  await page.goto(`${admin.baseUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(user.displayName, { exact: true }).waitFor();
  await openScreen(page, '导入原文');
  await page.getByLabel('原文', { exact: true }).fill(editedSource(admin.sourceText));
  await page.getByRole('button', { name: '检查并预览' }).click();
  await page.getByRole('heading', { name: '合并预览' }).waitFor({ timeout: 60_000 });
  return page;
}

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await admin.close();
  expect(problems).toEqual([]);
});

describe('issue 14: the import preview, the choices and undo in Chromium', () => {
  it('lists the three changes with a character diff and the one new sentence; the choices apply as one revision that can be undone', async () => {
    const page = await openImport(1280, ADMIN);
    await page
      .getByText('未变 73 项 · 有改动 3 项 · 新增 1 项 · 已没有 0 项 · 移动 0 项')
      .waitFor();
    await page.getByRole('heading', { name: '文字有改动（3）' }).waitFor();
    expect(await page.locator('.merge-changed ins').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('heading', { name: '新增（1）' }).waitFor();
    await page.locator('.merge-new').getByText(ADDED).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOT_DIR, 'import-merge-1280');

    // Reject one change: that measure keeps its wording; the others and the new one go in.
    await page.locator('[data-key="changed:m64"]').getByLabel('拒绝').check();
    const before = (await admin.store.getDraft())?.revision ?? 0;
    await page.getByRole('button', { name: '按所选项合并导入' }).click();
    await page.getByRole('heading', { name: '已合并导入' }).waitFor();
    const draft = await admin.store.getDraft();
    expect(draft?.revision).toBe(before + 1);
    expect(await admin.draftMeasure('m64').then((m) => m.text)).toBe(
      '推动县级市改革和县域集成改革。',
    );
    expect(await admin.draftMeasure('m254').then((m) => m.text)).toBe(
      '深化基层网格化服务管理，提升基层治理水平。',
    );
    expect((await admin.draftMeasure('m38')).indicators.length).toBeGreaterThan(0);
    await screenshot(page, SCREENSHOT_DIR, 'import-merge-applied-1280');

    await page.getByRole('button', { name: '撤销这次导入' }).click();
    await page
      .getByText(/已撤销导入/)
      .first()
      .waitFor();
    expect(await admin.draftMeasure('m254').then((m) => m.text)).toBe('深化基层网格化服务管理。');
    await page.context().close();
  });

  it('lets an editor prepare the preview at 360 px but not apply it', async () => {
    const page = await openImport(360, EDITOR);
    await page.getByText(/合并导入和恢复整个草稿需要发布者或管理员权限/).waitFor();
    expect(await page.getByRole('button', { name: '按所选项合并导入' }).isDisabled()).toBe(true);
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    expect(overflow).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOT_DIR, 'import-merge-360');
    await page.context().close();
  });
});
