import { fileURLToPath } from 'node:url';
import { launchChromium, screenshot } from '@leshan/testing/chromium';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftovers, removeDir, startSystem } from '../src/system.js';
import type { Credentials, RunningSystem } from '../src/system.js';

// Issue 19 point 5 (我要纠错): a citizen with JavaScript turned off sends a correction from a
// measure page of the viewer; an editor finds it in the admin's 公众反馈 queue and answers it,
// on the system as the first command starts it (one store for both apps).

const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));
const CORRECTION = '第二段高速公路 2026 年 10 月已经通车，页面上还写着在建。';
const ANSWER = '已核实，下一版更正。谢谢！';

let system: RunningSystem;
let admin: Credentials;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  system = await startSystem({ env: { POLL_MS: '200' } });
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
  }
  killLeftovers();
});

async function context(width: number, javaScriptEnabled: boolean): Promise<BrowserContext> {
  const made = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'zh-CN',
    javaScriptEnabled,
  });
  contexts.push(made);
  return made;
}

describe('issue 19: 我要纠错 from the viewer without JavaScript to the admin queue', () => {
  it('a citizen without JavaScript sends a correction from the measure page and sees the thank-you page', async () => {
    const phone = await (await context(360, false)).newPage();
    await phone.goto(`${system.viewerUrl}/measures/m38`);
    await phone.getByRole('heading', { name: '我要纠错' }).scrollIntoViewIfNeeded();
    await screenshot(phone, SCREENSHOT_DIR, 'issue-19-feedback-form-360');
    await phone.getByLabel('内容有误（纠错）').check();
    await phone.getByLabel(/^意见内容/).fill(CORRECTION);
    await phone.getByLabel(/^联系方式/).fill('wang@example.org');
    await phone.getByRole('button', { name: '提交给编辑' }).click();
    await phone.getByRole('heading', { name: '已收到，谢谢！' }).waitFor();
    expect(new URL(phone.url()).pathname).toBe('/measures/m38/feedback/sent');
    await screenshot(phone, SCREENSHOT_DIR, 'issue-19-feedback-sent-360');
    const desk = await (await context(1280, false)).newPage();
    await desk.goto(`${system.viewerUrl}/measures/m38`);
    await screenshot(desk, SCREENSHOT_DIR, 'issue-19-feedback-form-1280');
    // Nothing the citizen wrote is on the site.
    expect(await desk.content()).not.toContain('页面上还写着在建');
  });

  it('an editor finds it in 公众反馈 with the measure in words, answers it, and the answer is recorded', async () => {
    for (const width of [1280, 360]) {
      const page = await (await context(width, true)).newPage();
      await page.goto(`${system.adminUrl}/admin/`);
      await page.getByLabel('电子邮箱').fill(admin.email);
      await page.getByLabel('密码').fill(admin.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 30_000 });
      await page.goto(`${system.adminUrl}/admin/feedback`);
      await page.getByRole('heading', { name: '公众反馈' }).waitFor();
      if (width === 1280) {
        const card = page.locator('.feedback-item', { hasText: CORRECTION });
        await card.waitFor();
        await expect(card.getByRole('link').textContent()).resolves.toMatch(/^第一章/);
        await screenshot(page, SCREENSHOT_DIR, 'issue-19-feedback-queue-1280');
        await card.getByLabel('答复或忽略理由').fill(ANSWER);
        await card.getByRole('button', { name: '记录答复' }).click();
        await page.getByText('没有待处理的反馈。').waitFor();
      }
      await page.getByLabel('已答复').check();
      const done = page.locator('.feedback-item', { hasText: CORRECTION });
      await done.waitFor();
      await expect(done.locator('.feedback-answer').textContent()).resolves.toContain(ANSWER);
      await screenshot(page, SCREENSHOT_DIR, `issue-19-feedback-answered-${width}`);
    }
  });
});
