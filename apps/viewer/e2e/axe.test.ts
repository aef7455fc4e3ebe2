import AxeBuilder from '@axe-core/playwright';
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
  context = await browser.newContext();
});
afterAll(async () => {
  await context.close();
  await browser.close();
  await viewer.close();
});

describe('accessibility (axe-core)', () => {
  // One test per page and width: the source and print pages are long and axe takes a while on them.
  for (const width of [375, 1280]) {
    for (const { name, path } of PAGES) {
      it(`finds no violations on ${name} at ${width} px`, async () => {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${viewer.baseUrl}${encodeURI(path)}`);
        await page.waitForLoadState('networkidle');
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        await page.close();
        const found = result.violations.map(
          (v) =>
            `${v.id} (${v.impact ?? ''}): ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
        expect(found).toEqual([]);
      }, 120_000);
    }
  }

  it('shows a visible focus ring and a working skip link', async () => {
    const page = await context.newPage();
    await page.goto(`${viewer.baseUrl}/chapters/2`);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    const box = await skip.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.close();
  });
});
