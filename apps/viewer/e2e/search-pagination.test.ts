import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser, Page } from 'playwright-core';
import type { Viewer } from './harness.js';
import { ensureScreenshotDir, startViewer } from './harness.js';

let viewer: Viewer;
let browser: Browser;

beforeAll(async () => {
  viewer = await startViewer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await viewer.close();
});

const firstHit = (page: Page): Promise<string | null> =>
  page.locator('.search-results li a').first().getAttribute('href');

describe('issue 12: search pages in Chromium', () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`pages forward and back with the query kept (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${viewer.baseUrl}/search?q=${encodeURIComponent('建设')}`);
      const pager = page.getByRole('navigation', { name: '结果翻页' });
      await expect.poll(() => pager.count()).toBe(1);
      expect(await pager.locator('[aria-current="page"]').innerText()).toBe('1');
      const first = await firstHit(page);
      await pager.getByRole('link', { name: '下一页 →' }).click();
      await page.waitForURL(/offset=20/u);
      expect(new URL(page.url()).searchParams.get('q')).toBe('建设');
      expect(await page.locator('.search-results').getAttribute('start')).toBe('21');
      expect(await pager.locator('[aria-current="page"]').innerText()).toBe('2');
      expect(await firstHit(page)).not.toBe(first);
      await pager.getByRole('link', { name: '← 上一页' }).click();
      await page.waitForURL((url) => !url.search.includes('offset'));
      expect(await firstHit(page)).toBe(first);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('shows linked suggestions for a query that finds nothing, and a suggestion finds something', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${viewer.baseUrl}/search?q=${encodeURIComponent('量子计算机')}`);
    const suggestion = page.locator('.suggestions a').first();
    const word = await suggestion.innerText();
    await suggestion.click();
    await page.waitForURL((url) => url.searchParams.get('q') === word);
    expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('starts again at the first page when a new query is typed (hydrated)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${viewer.baseUrl}/search?q=${encodeURIComponent('建设')}&offset=20`);
    // Hydrated when React has attached to the input (it is in the server's markup before that,
    // and text typed before hydration is not searched: the CI run of 2026-12-01 met that).
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('#island-search input') ?? {}).some((k) =>
        k.startsWith('__react'),
      ),
    );
    const box = page.getByRole('searchbox', { name: '搜索词' });
    await box.fill('');
    await box.pressSequentially('机場', { delay: 30 });
    await expect
      .poll(() => page.locator('.search-results mark').allInnerTexts(), { timeout: 10_000 })
      .toContain('机场');
    expect(page.url()).not.toContain('offset');
    expect(await page.locator('.search-results').getAttribute('start')).toBe('1');
    await context.close();
  });

  for (const width of [360, 1280]) {
    it(`writes a results page with its pager at ${width} px, nothing wider than the screen`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${viewer.baseUrl}/search?q=${encodeURIComponent('建设')}&limit=5&offset=10`);
      await page.waitForLoadState('networkidle');
      const pager = page.getByRole('navigation', { name: '结果翻页' });
      expect(await pager.isVisible()).toBe(true);
      await page.screenshot({
        path: `${ensureScreenshotDir()}search-pager-${width}.png`,
        fullPage: true,
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await page.goto(`${viewer.baseUrl}/en/search?q=${encodeURIComponent('量子计算机')}`);
      await page.screenshot({
        path: `${ensureScreenshotDir()}search-suggestions-en-${width}.png`,
        fullPage: true,
      });
      await context.close();
    });
  }
});
