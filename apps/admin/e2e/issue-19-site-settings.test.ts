import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser } from 'playwright-core';
import { axeViolations, SCREENSHOT_DIR } from './browser.js';
import { DESKTOP, editorReady, PHONE } from './editors.js';
import type { RunningAdmin } from './harness.js';
import { ADMIN, startAdmin } from './harness.js';
import { openScreen } from './nav.js';

let admin: RunningAdmin;
let browser: Browser;
beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await admin.close();
});

describe('issue 19: the 站点设置 screen in Chromium', () => {
  it('an admin saves the publisher and the official report address; axe-clean at 360 and 1280 px', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${admin.baseUrl}/admin/?e2e=1`);
    await page.getByLabel('电子邮箱').fill(ADMIN.email);
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await editorReady(page);
    await openScreen(page, '站点设置');
    await page.getByLabel('主办单位', { exact: true }).fill('乐山市人民政府办公室');
    await page.getByLabel('官方报告全文网址', { exact: true }).fill('ftp://example.org/x');
    await page.getByRole('button', { name: '保存站点设置' }).click();
    await page.getByText('网址只能以 https:// 或 http:// 开头').waitFor();
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      expect(await axeViolations(page), `invalid ${viewport.width}`).toEqual([]);
      await page.screenshot({
        path: `${SCREENSHOT_DIR}issue-19-settings-invalid-${viewport.width}.png`,
        fullPage: true,
      });
    }
    await page
      .getByLabel('官方报告全文网址', { exact: true })
      .fill('https://www.leshan.gov.cn/gzbg/2022.html');
    await page.getByRole('button', { name: '保存站点设置' }).click();
    await page.getByText('已保存（第 1 版）。').waitFor();
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      expect(await axeViolations(page), `saved ${viewport.width}`).toEqual([]);
      await page.screenshot({
        path: `${SCREENSHOT_DIR}issue-19-settings-saved-${viewport.width}.png`,
        fullPage: true,
      });
    }
    expect((await admin.store.getSiteSettings()).settings).toMatchObject({
      publisher: '乐山市人民政府办公室',
      officialReportUrl: 'https://www.leshan.gov.cn/gzbg/2022.html',
    });
    await context.close();
  }, 180_000);
});
