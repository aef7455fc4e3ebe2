import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Viewer } from './harness.js';
import { PAGES, startViewer } from './harness.js';

let viewer: Viewer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  viewer = await startViewer();
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await context.close();
  await browser.close();
  await viewer.close();
});

/** A page that records browser errors (CSP violations included) and requests leaving the site. */
async function watchedPage(): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(viewer.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { page, errors, foreign };
}

describe('hydrated islands', () => {
  it('finds 光伏, 伏产 and 210 as you type, without reloading the page', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${viewer.baseUrl}/search`);
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('#island-search input[name="q"]') ?? {}).some((k) =>
        k.startsWith('__react'),
      ),
    );
    for (const [q, measure] of [
      ['光伏', 'm94'],
      ['伏产', 'm94'],
      ['210', 'm38'],
    ] as const) {
      const box = page.getByRole('searchbox', { name: '搜索词' });
      await box.fill('');
      await box.pressSequentially(q, { delay: 30 });
      await expect
        .poll(() => page.locator('.search-results mark').allInnerTexts(), { timeout: 10_000 })
        .toContain(q);
      expect(
        // A hit links to the measure's own page (issue 19).
        await page.locator(`.search-results a[href$="/measures/${measure}"]`).count(),
        q,
      ).toBeGreaterThan(0);
      expect(page.url()).toContain(`q=${encodeURIComponent(q)}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the targets table in place', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${viewer.baseUrl}/targets`);
    const all = await page.locator('table.targets tbody tr').count();
    // Hydration is done when React has attached: the select change then filters without navigation.
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('#island-targets select') ?? {}).some((k) =>
        k.startsWith('__react'),
      ),
    );
    await page.getByLabel('单位').selectOption('公里');
    await expect.poll(() => page.locator('table.targets tbody tr').count()).toBeLessThan(all);
    expect(page.url()).toContain('unit=');
    const values = await page.locator('table.targets tbody tr td:nth-child(3)').allInnerTexts();
    expect(values.every((v) => v.includes('公里'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never runs markup an editor typed, and breaks no CSP rule on any page', async () => {
    const { page, errors, foreign } = await watchedPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    for (const { path } of PAGES) {
      await page.goto(`${viewer.baseUrl}${encodeURI(path)}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${viewer.baseUrl}/chapters/1#m42`);
    expect(await page.locator('#m42').innerText()).toContain('<script>window.__xss = 1</script>');
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.locator('img[onerror]').count()).toBe(0);
    expect(dialogs).toBe(0);
    // The 404 page logs its status; nothing else may fail.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
