import AxeBuilder from '@axe-core/playwright';
import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser, BrowserContext } from 'playwright-core';
import { followedByCommandsSource } from '../src/server/testing/followed-by-commands.js';
import type { Viewer } from './harness.js';
import { ensureScreenshotDir, startViewer } from './harness.js';

// Issue 19's acceptance for one measure, in Chromium: m38 after a bureau's 90 公里 was recorded
// with observation.add (and its departments with department.add and responsibility.set).

let viewer: Viewer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  viewer = await startViewer(followedByCommandsSource());
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN' });
});
afterAll(async () => {
  await context.close();
  await browser.close();
  await viewer.close();
});

describe('issue 19: the page of measure m38 in Chromium', () => {
  for (const width of [375, 1280]) {
    it(`shows 90 / 210 公里, its chart, timeline and departments at ${width} px; axe finds nothing`, async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${viewer.baseUrl}/measures/m38`);
      await page.waitForLoadState('networkidle');
      const main = page.locator('main');
      expect(await main.locator('.achieved').first().innerText()).toBe('90 / 210 公里（43%）');
      const chart = page.getByRole('img', { name: '“新建高速公路”的实际值' });
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(width / 2);
      expect(await page.locator('.obs-point').count()).toBe(1);
      expect(await page.locator('.timeline li').count()).toBe(2);
      expect(await main.innerText()).toContain('市交通运输局');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      const file = `${ensureScreenshotDir()}measure-m38-followed-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      expect(existsSync(file)).toBe(true);
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(
        result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('prints without navigation or share links, chart and table kept (PDF)', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.baseUrl}/measures/m38`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string): Promise<boolean> =>
      page.locator(selector).first().isVisible();
    expect(await shown('.site-nav')).toBe(false);
    expect(await shown('.breadcrumb')).toBe(false);
    expect(await shown('.measure-share')).toBe(false);
    expect(await shown('.obs-svg')).toBe(true);
    expect(await shown('.obs-table')).toBe(true);
    const file = `${ensureScreenshotDir()}measure-m38-print.pdf`;
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await page.close();
  }, 120_000);

  it('announces its own Atom feed, which is well-formed XML with the observation’s entry', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.baseUrl}/measures/m38`);
    const href = await page
      .locator('link[rel="alternate"][href^="/feeds/measures/"]')
      .getAttribute('href');
    expect(href).toBe('/feeds/measures/m38/progress.atom');
    const xml = await (await page.request.get(`${viewer.baseUrl}${href ?? ''}`)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        titles: [...doc.getElementsByTagName('entry')].map(
          (e) => e.getElementsByTagName('title')[0]?.textContent ?? '',
        ),
      };
    }, xml);
    expect(parsed.error).toBe(0);
    expect(parsed.titles).toEqual([
      '新建高速公路：实际值 90公里（2024-12-31）',
      expect.stringContaining('（2024-06-30）'),
    ]);
    await page.close();
  }, 60_000);
});
