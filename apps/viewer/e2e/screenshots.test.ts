import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Viewer } from './harness.js';
import { ensureScreenshotDir, PAGES, startViewer } from './harness.js';

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

describe('screenshots for people to look at', () => {
  for (const width of [375, 1280]) {
    it(`writes every page at ${width} px, with nothing wider than the screen`, async () => {
      const dir = ensureScreenshotDir();
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const overflowing: string[] = [];
      for (const { name, path } of PAGES) {
        await page.goto(`${viewer.baseUrl}${encodeURI(path)}`);
        await page.waitForLoadState('networkidle');
        const file = `${dir}${name}-${width}.png`;
        await page.screenshot({ path: file, fullPage: true });
        expect(existsSync(file)).toBe(true);
        // Wide tables scroll inside their own region; the page itself must not scroll sideways.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) overflowing.push(`${name}: ${scrollWidth}px`);
      }
      expect(overflowing).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${viewer.baseUrl}/print`);
      await page.screenshot({ path: `${dir}print-media-${width}.png`, fullPage: false });
      await page.close();
    });
  }
});
