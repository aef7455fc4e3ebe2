import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { axeViolations, SCREENSHOT_DIR } from './browser.js';
import { ADMIN, EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';
import { navLinks, openScreen } from './nav.js';

// The canonical report's first measure and one of its targets (kept in every edit).
const MEASURE = 'm38';
const MEASURE_START = '落实“一环九射两纵两横”高速公路网';

let admin: RunningAdmin;
let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let pageA: Page;
let pageB: Page;
const problems: string[] = [];

async function signIn(
  page: Page,
  user: { email: string; password: string; displayName: string } = ADMIN,
): Promise<void> {
  await page.goto(`${admin.baseUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(user.email);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(user.displayName, { exact: true }).waitFor();
}

async function openMeasure(page: Page): Promise<void> {
  await page.getByLabel('筛选大纲').fill(MEASURE_START);
  await page.getByRole('treeitem', { name: new RegExp(MEASURE_START) }).click();
  await page.getByLabel('举措内容').waitFor();
}

const saved = (page: Page) =>
  page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${screen}`).toEqual([]);
}

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
  contextA = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  contextB = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  pageA = await contextA.newPage();
  pageB = await contextB.newPage();
  for (const page of [pageA, pageB]) {
    const seen = watchProblems(page);
    page.on('close', () => problems.push(...seen));
  }
});

afterAll(async () => {
  await contextA.close();
  await contextB.close();
  await browser.close();
  await admin.close();
});

describe('editing, conflict and publishing in the browser', () => {
  it('signs in', async () => {
    await pageA.goto(`${admin.baseUrl}/admin/`);
    await pageA.getByRole('heading', { name: '登录' }).waitFor();
    await expectAccessible(pageA, 'sign-in');
    await screenshot(pageA, SCREENSHOT_DIR, '01-sign-in');
    await signIn(pageA);
    await expect(pageA.locator('.role-badge').textContent()).resolves.toBe('管理员');
  });

  it('edits a measure’s text and progress and sees it saved', async () => {
    await openMeasure(pageA);
    const text = pageA.getByLabel('举措内容');
    const before = await text.inputValue();
    await text.fill(`${before}加快建设乐山港。`);
    await pageA.getByLabel('进度（%）').fill('35');
    await pageA.getByLabel('状态', { exact: true }).selectOption('in-progress');
    await saved(pageA);
    await expectAccessible(pageA, 'editor');
    await screenshot(pageA, SCREENSHOT_DIR, '02-editor-saved');
    const draft = await admin.draftMeasure(MEASURE);
    expect(draft.text).toBe(`${before}加快建设乐山港。`);
    expect(draft.tracking).toMatchObject({ status: 'in-progress', progress: 35 });
  });

  it('shows a conflict when a second editor changed the same measure, and keeps mine', async () => {
    await signIn(pageB, EDITOR);
    // An editor is not offered publishing or user management.
    expect(await navLinks(pageB)).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '督办看板',
      '单位管理',
      '批量更新',
      '待审核',
      '公众反馈',
      '导入原文',
    ]);
    await openMeasure(pageB);
    // Live updates bring B's saved change to A at once, so A types during an offline spell
    // (a train tunnel): A's edit is then based on the text before B's, and meets it on return.
    await contextA.setOffline(true);
    const theirs = pageB.getByLabel('举措内容');
    await theirs.fill(`${await theirs.inputValue()}（另一位编辑补充）`);
    await saved(pageB);

    const mine = pageA.getByLabel('举措内容');
    await mine.fill(`${await mine.inputValue()}（我的补充）`);
    await pageA.locator('.save-status[data-state="offline"]').waitFor({ timeout: 15_000 });
    await contextA.setOffline(false);
    const dialog = pageA.getByRole('dialog', { name: '编辑冲突' });
    await dialog.waitFor({ timeout: 15_000 });
    await expect(
      dialog.getByRole('region', { name: '对方的版本' }).textContent(),
    ).resolves.toContain('另一位编辑补充');
    await expect(dialog.getByRole('region', { name: '我的版本' }).textContent()).resolves.toContain(
      '我的补充',
    );
    // The node is named as editors name it, never by its id.
    await expect(dialog.getByText(/李编辑 同时修改了此项/).count()).resolves.toBe(1);
    await expect(dialog.textContent()).resolves.not.toContain(MEASURE);
    await expectAccessible(pageA, 'conflict');
    await screenshot(pageA, SCREENSHOT_DIR, '03-conflict');
    await dialog.getByRole('radio', { name: '保留我的版本' }).check();
    await dialog.getByRole('button', { name: '按所选处理' }).click();
    await saved(pageA);
    const draft = await admin.draftMeasure(MEASURE);
    expect(draft.text).toContain('我的补充');
    expect(draft.text).not.toContain('另一位编辑补充');
  });

  it('queues edits while offline and sends them when the connection returns', async () => {
    await pageA.getByRole('link', { name: '编辑' }).click();
    await openMeasure(pageA);
    await contextA.setOffline(true);
    await pageA.getByLabel('进度（%）').fill('40');
    await pageA.locator('.save-status[data-state="offline"]').waitFor({ timeout: 15_000 });
    const stored = await pageA.evaluate<number>(
      "Object.keys(localStorage).filter((k) => k.startsWith('leshan-admin:unsent-index:')).length",
    );
    expect(stored).toBe(1);
    await screenshot(pageA, SCREENSHOT_DIR, '03b-offline');
    await contextA.setOffline(false);
    await saved(pageA);
    expect((await admin.draftMeasure(MEASURE)).tracking.progress).toBe(40);
  });

  it('works from the keyboard: arrows move in the tree, Alt+↓ reorders', async () => {
    await pageA.getByLabel('筛选大纲').fill('');
    const first = pageA.getByRole('treeitem').first();
    await first.focus();
    await pageA.keyboard.press('ArrowDown');
    await expect(pageA.evaluate<string>('document.activeElement.textContent')).resolves.toMatch(
      /^.?第一章/,
    );
    await pageA.keyboard.press('ArrowDown');
    await pageA.keyboard.press('ArrowDown');
    const focused = await pageA.evaluate<string>("document.activeElement.getAttribute('data-id')");
    await pageA.keyboard.press('Alt+ArrowDown');
    await saved(pageA);
    const order = await admin.draftMeasureOrder(focused);
    expect(order.index).toBe(1);
  });

  it('shows the preview, the history with a character-level diff, import and users', async () => {
    await pageA.getByRole('link', { name: '预览' }).click();
    await pageA.getByRole('heading', { name: /预览（草稿第 \d+ 版）/ }).waitFor();
    await expectAccessible(pageA, 'preview');
    await screenshot(pageA, SCREENSHOT_DIR, '04-preview');

    await pageA.getByRole('link', { name: '修订历史' }).click();
    await pageA.getByRole('button', { name: /第 1 版/ }).click();
    await pageA.locator('.diff ins').first().waitFor();
    await expectAccessible(pageA, 'history');
    await screenshot(pageA, SCREENSHOT_DIR, '05-history');

    await openScreen(pageA, '导入原文');
    await pageA.getByLabel('原文', { exact: true }).fill(admin.sourceText);
    await pageA.getByRole('button', { name: '检查并预览' }).click();
    await pageA.getByRole('heading', { name: '合并预览' }).waitFor({ timeout: 60_000 });
    // The source read again is a merge: the measure edited above shows as changed, the rest unchanged.
    await pageA.getByRole('heading', { name: '文字有改动（1）' }).waitFor();
    expect(await pageA.getByRole('button', { name: '按所选项合并导入' }).isEnabled()).toBe(true);
    await expectAccessible(pageA, 'import');
    await screenshot(pageA, SCREENSHOT_DIR, '06-import');

    await openScreen(pageA, '用户管理');
    await pageA.getByRole('cell', { name: ADMIN.email }).waitFor();
    await pageA.getByLabel('姓名', { exact: true }).fill('王发布');
    await pageA.getByLabel('电子邮箱').fill('e2e-publisher@leshan.example.cn');
    await pageA.getByLabel('角色', { exact: true }).selectOption('publisher');
    await pageA.getByLabel('初始密码').fill('e2e-publisher-password');
    await pageA.getByRole('button', { name: '创建用户' }).click();
    await pageA.getByRole('cell', { name: 'e2e-publisher@leshan.example.cn' }).waitFor();
    await pageA.getByLabel('李编辑 的角色').selectOption('publisher');
    await pageA.getByRole('button', { name: '停用 李编辑' }).click();
    await pageA.getByRole('button', { name: '启用 李编辑' }).waitFor();
    const editor = await admin.store.findUserByEmail(EDITOR.email);
    expect(editor).toMatchObject({ role: 'publisher', disabled: true });
    await expectAccessible(pageA, 'users');
    await screenshot(pageA, SCREENSHOT_DIR, '07-users');

    await openScreen(pageA, '审计日志');
    await pageA.locator('tbody tr').first().waitFor();
    await expectAccessible(pageA, 'audit');
    await screenshot(pageA, SCREENSHOT_DIR, '08-audit');
  });

  it('publishes, and the new edition is listed with its change summary', async () => {
    await openScreen(pageA, '发布');
    await pageA.getByText('数据校验通过').waitFor();
    await expectAccessible(pageA, 'publish');
    await screenshot(pageA, SCREENSHOT_DIR, '09-publish-checklist');
    await pageA.getByRole('button', { name: '发布新版本' }).click();
    await pageA
      .getByRole('dialog', { name: '确认发布' })
      .getByRole('button', { name: '发布' })
      .click();
    await pageA.getByRole('heading', { name: /第 2 版已发布/ }).waitFor();
    const listed = pageA.locator('.editions li[data-edition="2"]');
    await listed.waitFor();
    await expect(listed.locator('.change-summary').textContent()).resolves.toMatch(/举措/);
    await expectAccessible(pageA, 'published');
    await screenshot(pageA, SCREENSHOT_DIR, '10-published');
  });

  it('signs out and offers the sign-in form again', async () => {
    await pageA.getByRole('button', { name: '退出登录' }).click();
    await pageA.getByText('您已退出登录。').waitFor();
    await pageA.reload();
    await pageA.getByRole('heading', { name: '登录' }).waitFor();
  });

  it('caused no script error and no CSP violation', async () => {
    await pageA.close();
    await pageB.close();
    expect(problems).toEqual([]);
  });
});
