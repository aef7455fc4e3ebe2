import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser } from 'playwright-core';
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

describe('issue 12: a past edition in the browser', () => {
  for (const width of [360, 1280]) {
    it(`shows the banner to the latest edition at ${width} px, nothing wider than the screen`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${viewer.baseUrl}/editions/1/chapters/2`);
      const banner = page.locator('.edition-banner');
      await expect.poll(() => banner.isVisible()).toBe(true);
      const box = await banner.boundingBox();
      expect(box?.y ?? Infinity).toBeLessThan(400);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await page.screenshot({
        path: `${ensureScreenshotDir()}edition-1-banner-${width}.png`,
        fullPage: false,
      });
      await banner.getByRole('link', { name: '查看最新版本' }).click();
      await page.waitForURL(`${viewer.baseUrl}/chapters/2`);
      expect(await page.locator('.edition-banner').count()).toBe(0);
      await page.close();
    });
  }
});
