import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { axeViolations, SCREENSHOT_DIR } from './browser.js';
import { ADMIN, EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';
import { openScreen } from './nav.js';

// Issue 15: the accounts screens an office needs, at a desktop's and a phone's width.
let admin: RunningAdmin;
let browser: Browser;
let desk: Page;
let phone: Page;
const problems: string[] = [];
let oneTime = '';

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${admin.baseUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

/** The page is no wider than its viewport: nothing to scroll sideways on a phone. */
async function expectNoSideScroll(page: Page): Promise<void> {
  // A string, so this Node-side file needs no DOM types.
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll).toBeLessThanOrEqual(client);
}

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
  const wide = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const narrow = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: 'zh-CN',
  });
  desk = await wide.newPage();
  phone = await narrow.newPage();
  for (const page of [desk, phone]) {
    const seen = watchProblems(page);
    page.on('close', () => problems.push(...seen));
  }
});

afterAll(async () => {
  await browser.close();
  await admin.close();
  expect(problems).toEqual([]);
});

describe('accounts in the browser (issue 15)', () => {
  it('an admin resets a password: asked first, the one-time password shown once', async () => {
    await signIn(desk, ADMIN.email, ADMIN.password);
    await openScreen(desk, '用户管理');
    await desk.getByRole('heading', { name: '用户管理' }).waitFor();
    await desk
      .getByRole('button', { name: new RegExp(`重置密码\\s*${EDITOR.displayName}`) })
      .click();
    const ask = desk.getByRole('dialog', { name: `重置 ${EDITOR.displayName} 的密码？` });
    await ask.getByRole('button', { name: '重置密码' }).click();
    const shown = desk.getByRole('dialog', { name: `${EDITOR.displayName} 的一次性密码` });
    oneTime = (await shown.locator('code').textContent()) ?? '';
    expect(oneTime).toMatch(/^\w{5}(-\w{5}){3}$/);
    await screenshot(desk, SCREENSHOT_DIR, 'accounts-01-one-time-password-1280');
    await expectAccessible(desk, 'one-time password');
    await shown.getByRole('button', { name: '我已记下' }).click();
    await expect(desk.getByRole('dialog').count()).resolves.toBe(0);
    await desk
      .getByRole('row', { name: new RegExp(EDITOR.displayName) })
      .getByText('待改密码')
      .waitFor();
  });

  it('asks before making someone an admin, and changes nothing on cancel', async () => {
    await desk.getByLabel(`${EDITOR.displayName} 的角色`).selectOption('admin');
    const ask = desk.getByRole('dialog', { name: `将 ${EDITOR.displayName} 设为管理员？` });
    await ask.waitFor();
    await screenshot(desk, SCREENSHOT_DIR, 'accounts-02-confirm-admin-1280');
    await ask.getByRole('button', { name: '取消' }).click();
    const editor = await admin.store.findUserByEmail(EDITOR.email);
    expect(editor?.role).toBe('editor');
    await expect(desk.getByLabel(`${EDITOR.displayName} 的角色`).inputValue()).resolves.toBe(
      'editor',
    );
  });

  it('the user signs in on a phone with it and must set a password first', async () => {
    await signIn(phone, EDITOR.email, oneTime);
    await phone.getByRole('heading', { name: '请先设置新密码' }).waitFor();
    await screenshot(phone, SCREENSHOT_DIR, 'accounts-03-first-password-360');
    await expectNoSideScroll(phone);
    await expectAccessible(phone, 'first password');
    await phone.getByLabel('一次性密码').fill(oneTime);
    await phone.getByLabel('新密码', { exact: true }).fill('password1234');
    await phone.getByLabel('再次输入新密码').fill('password1234');
    await phone.getByRole('button', { name: '保存新密码' }).click();
    await phone.getByText('这个密码在常见密码名单中，容易被猜到，请换一个').waitFor();
    await screenshot(phone, SCREENSHOT_DIR, 'accounts-04-common-password-refused-360');
    await phone.getByLabel('新密码', { exact: true }).fill('李编辑的新密码是很长的一句话');
    await phone.getByLabel('再次输入新密码').fill('李编辑的新密码是很长的一句话');
    await phone.getByRole('button', { name: '保存新密码' }).click();
    await phone.getByText(EDITOR.displayName, { exact: true }).waitFor();
    expect((await admin.store.findUserByEmail(EDITOR.email))?.mustChangePassword).toBe(false);
  });

  it('changes one’s own password on the account screen (the old one needed)', async () => {
    await phone.getByRole('link', { name: '修改密码' }).click();
    await phone.getByRole('heading', { name: '我的账号' }).waitFor();
    await phone.getByLabel('当前密码').fill('not the password');
    await phone.getByLabel('新密码', { exact: true }).fill('another sentence for 李编辑');
    await phone.getByLabel('再次输入新密码').fill('another sentence for 李编辑');
    await phone.getByRole('button', { name: '保存新密码' }).click();
    await phone.getByText('当前密码不正确').waitFor();
    await phone.getByLabel('当前密码').fill('李编辑的新密码是很长的一句话');
    await phone.getByRole('button', { name: '保存新密码' }).click();
    await phone.getByText('密码已修改，其他登录已结束。').waitFor();
    await screenshot(phone, SCREENSHOT_DIR, 'accounts-05-account-360');
    await expectNoSideScroll(phone);
    await expectAccessible(phone, 'account');
    // This browser stays signed in with the new session.
    await phone.getByRole('link', { name: '编辑', exact: true }).click();
    // At 360 px the outline sits in a drawer behind its button.
    await phone.getByRole('button', { name: '报告大纲' }).click();
    await phone.getByLabel('筛选大纲').waitFor();
    await phone.keyboard.press('Escape');
    await phone.getByLabel('筛选大纲').waitFor({ state: 'hidden' });
  });

  it('an admin removes a user after a warning; the users screen fits a phone', async () => {
    await admin.store.createUser({
      email: 'leaving@leshan.example.cn',
      displayName: '离职同事',
      role: 'editor',
      password: 'a password of someone leaving',
    });
    await phone.getByRole('button', { name: '退出登录' }).click();
    await signIn(phone, ADMIN.email, ADMIN.password);
    await openScreen(phone, '用户管理');
    await phone.getByRole('button', { name: /删除\s*离职同事/ }).click();
    await screenshot(phone, SCREENSHOT_DIR, 'accounts-06-confirm-remove-360');
    await phone.getByRole('dialog').getByRole('button', { name: '删除用户' }).click();
    await phone.getByRole('row', { name: /离职同事/ }).waitFor({ state: 'detached' });
    expect(await admin.store.findUserByEmail('leaving@leshan.example.cn')).toBeNull();
    await screenshot(phone, SCREENSHOT_DIR, 'accounts-07-users-360');
    await expectNoSideScroll(phone);
    await expectAccessible(phone, 'users at 360 px');
    await desk.reload();
    await desk.getByRole('heading', { name: '用户管理' }).waitFor();
    await screenshot(desk, SCREENSHOT_DIR, 'accounts-08-users-1280');
  });
});
