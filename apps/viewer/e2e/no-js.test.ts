import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Viewer } from './harness.js';
import { PAGES, startViewer } from './harness.js';

let viewer: Viewer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  viewer = await startViewer();
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await context.close();
  await browser.close();
  await viewer.close();
});

describe('pages without JavaScript', () => {
  it('renders every page readable, with its heading and main content', async () => {
    const page = await context.newPage();
    for (const { name, path } of PAGES) {
      const response = await page.goto(`${viewer.baseUrl}${encodeURI(path)}`);
      expect(response?.status(), name).toBe(name === 'not-found' ? 404 : 200);
      await expect.poll(() => page.locator('h1').count(), { timeout: 5000 }).toBe(1);
      expect((await page.locator('main').innerText()).length, name).toBeGreaterThan(20);
    }
    await page.close();
  });

  it('searches through the server-rendered form: 光伏, 伏产 and 210', async () => {
    const page = await context.newPage();
    for (const [q, measure] of [
      ['光伏', 'm94'],
      ['伏产', 'm94'],
      ['210', 'm38'],
    ] as const) {
      await page.goto(`${viewer.baseUrl}/search`);
      await page.getByRole('searchbox', { name: '搜索词' }).fill(q);
      await page.getByRole('button', { name: '搜索' }).click();
      await page.waitForURL(/\/search\?q=/);
      const marks = await page.locator('.search-results mark').allInnerTexts();
      expect(marks, q).toContain(q);
      expect(
        // Issue 19: a measure found leads to its own page.
        await page.locator(`.search-results a[href$="/measures/${measure}"]`).count(),
        q,
      ).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('filters the targets table with the query-string form', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.baseUrl}/targets`);
    await page.getByLabel('单位').selectOption('元');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/unit=/);
    const units = await page.locator('table.targets tbody tr td:nth-child(3)').allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.includes('元'))).toBe(true);
    await page.close();
  });

  // Issue 19: /measures/<id> redirected to the chapter's anchor; it is now the measure's page.
  it('opens a measure link on its own page, whose chapter link keeps the anchor', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(`${viewer.baseUrl}/measures/m94`);
    expect(page.url()).toMatch(/\/measures\/m94$/);
    await page.getByRole('link', { name: '在本章中查看' }).click();
    expect(page.url()).toMatch(/\/chapters\/2#m94$/);
    const box = await page.locator('#m94').boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.y ?? 999).toBeLessThan(100);
    await page.close();
  });
});
