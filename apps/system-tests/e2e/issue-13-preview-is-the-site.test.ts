import { fileURLToPath } from 'node:url';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftovers, removeDir, startSystem } from '../src/system.js';
import type { Credentials, RunningSystem } from '../src/system.js';

// Issue 13 point 7: the admin preview renders the draft with the viewer's own page components.
// Right after the first start the draft is edition 1, so the same measure must come out of the
// public page and of the preview as the same markup — only the links differ (the preview's stay
// inside it, or are words without a link where the preview has no such page).

const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

/** The markup of every element matching `selector`, without links' targets or React's text separators. */
async function markupOf(selector: string): Promise<string[]> {
  await page.locator(selector).first().waitFor();
  const html = await page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.outerHTML)`,
  );
  return html.map((h) => h.replace(/ href="[^"]*"/g, '').replace(/<!--.*?-->/g, ''));
}

beforeAll(async () => {
  system = await startSystem();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  problems = watchProblems(page);
  const admin = system.credentials as Credentials;
  await page.goto(`${system.adminUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(admin.email);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (system !== undefined) {
    const exit = await system.stop();
    expect(exit.code, exit.output).toBe(0);
    removeDir(system.dataDir);
  }
  killLeftovers();
});

describe('issue 13: the preview is the public site', () => {
  it('renders each measure of a chapter as the same markup as the public page, minus the banner and links', async () => {
    await page.goto(`${system.adminUrl}/admin/preview/chapters/1`);
    await page.getByText('预览：尚未发布').waitFor();
    const preview = await markupOf('.draft-site li.measure');
    await screenshot(page, SCREENSHOT_DIR, 'issue-13-preview-chapter-1');

    await page.goto(`${system.viewerUrl}/chapters/1`);
    const site = await markupOf('main li.measure');
    expect(site.length).toBeGreaterThan(3);
    expect(preview).toEqual(site);
    // One of them names a place: a link on the site, the same words without a link in the preview.
    expect(site.some((h) => h.includes('<a lang="zh-CN">'))).toBe(true);
  });

  it('renders the chapter outline of the home page the same way', async () => {
    await page.goto(`${system.adminUrl}/admin/preview`);
    const preview = await markupOf('.draft-site .chapter-cards');
    await page.goto(`${system.viewerUrl}/`);
    expect(preview).toEqual(await markupOf('main .chapter-cards'));
    expect(problems).toEqual([]);
  });
});
