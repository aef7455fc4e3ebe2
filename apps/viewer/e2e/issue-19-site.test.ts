import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE_SETTINGS } from '@leshan/report-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser, Page } from 'playwright-core';
import { loadClientAssets } from '../src/server/http/client-assets.js';
import { createMemorySource } from '../src/server/memory-source.js';
import { createServer } from '../src/server/server.js';
import { sampleEditions } from '../src/server/testing/sample-editions.js';
import { ensureScreenshotDir } from './harness.js';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));
let server: Server;
let baseUrl = '';
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(`${CLIENT_DIR}.vite/manifest.json`))
    throw new Error('e2e: run `vite build` first');
  const { editions, artifacts } = sampleEditions();
  const app = createServer({
    source: createMemorySource(editions, artifacts, {
      settings: {
        publisher: '乐山市人民政府办公室',
        contact: {
          email: 'gzbg@example.org',
          phone: '0833-1234567',
          address: '四川省乐山市市中区嘉定中路',
        },
        officialReportUrl: 'https://www.leshan.gov.cn/gzbg/2022.html',
        dataLicense: DEFAULT_SITE_SETTINGS.dataLicense,
      },
    }),
    assets: loadClientAssets(CLIENT_DIR),
    siteUrl: 'http://127.0.0.1',
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe('issue 19 in Chromium: about page, footer, text size', () => {
  it('sets 特大 and then 大 without JavaScript, remembered across pages; axe-clean at both sizes, nothing wider than the screen', async () => {
    // Without JavaScript: the link sets the cookie and comes back.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const bare = await noJs.newPage();
    await bare.goto(`${baseUrl}/about`);
    await bare.getByRole('link', { name: '特大' }).click();
    await bare.waitForURL(`${baseUrl}/about`);
    expect(await bare.locator('html').getAttribute('data-text-size')).toBe('xlarge');
    await noJs.close();
    // axe needs JavaScript; the links are the same.
    const context = await browser.newContext();
    const page = await context.newPage();
    const dir = ensureScreenshotDir();
    const overflowing: string[] = [];
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const size of ['标准', '大'] as const) {
        await page.goto(`${baseUrl}/chapters/1`);
        await page
          .getByRole('navigation', { name: '字号' })
          .getByRole('link', { name: size, exact: true })
          .click();
        expect(new URL(page.url()).pathname).toBe('/chapters/1');
        await page.goto(`${baseUrl}/about`);
        const attr = await page.locator('html').getAttribute('data-text-size');
        expect(attr).toBe(size === '大' ? 'large' : null);
        const rootPx = await page.evaluate(
          () => getComputedStyle(document.documentElement).fontSize,
        );
        expect(rootPx).toBe(size === '大' ? '19px' : '16px');
        expect(await violations(page), `about ${size} ${width}`).toEqual([]);
        const tag = size === '大' ? 'large' : 'standard';
        await page.screenshot({ path: `${dir}about-${tag}-${width}.png`, fullPage: true });
        await page.goto(`${baseUrl}/chapters/1`);
        if (size === '大') expect(await violations(page), `chapter large ${width}`).toEqual([]);
        await page.screenshot({ path: `${dir}chapter-1-${tag}-${width}.png`, fullPage: true });
        for (const name of ['about', 'chapter-1']) {
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) overflowing.push(`${name} ${tag} ${width}: ${scroll}px`);
        }
      }
    }
    // 特大 too: the root grows to 22px and the footer still fits a phone.
    await page.setViewportSize({ width: 375, height: 900 });
    await page.getByRole('link', { name: '特大' }).click();
    await page.waitForURL(`${baseUrl}/chapters/1`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      '22px',
    );
    await page.screenshot({ path: `${dir}chapter-1-xlarge-375.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    expect(overflowing).toEqual([]);
    await context.close();
  }, 240_000);
});
