import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import type { Browser, Page } from 'playwright-core';
import { loadClientAssets } from '../src/server/http/client-assets.js';
import { sampleSource } from '../src/server/testing/sample-editions.js';
import { buildStatic } from '../src/static/build-static.js';
import type { StaticHost } from './static-host.js';
import { serveFolder } from './static-host.js';

const outDir = mkdtempSync(join(tmpdir(), 'viewer-static-e2e-'));
let host: StaticHost;
let browser: Browser;

beforeAll(async () => {
  await buildStatic({
    source: sampleSource(),
    assets: loadClientAssets(fileURLToPath(new URL('../dist/client/', import.meta.url))),
    siteUrl: 'https://report.example.cn',
    outDir,
  });
  host = await serveFolder(outDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await host.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${host.baseUrl}${path}`);
  return { page, errors };
}

describe('issue 12: the static build reads query strings in the browser', () => {
  it('shows search results for a search sent from the header', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('searchbox', { name: '搜索报告' }).fill('光伏');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\?q=/);
    await expect
      .poll(() => page.locator('.search-results mark').allInnerTexts(), { timeout: 15_000 })
      .toContain('光伏');
    expect(await page.locator('.search-results a[href$="/measures/m94"]').count()).toBeGreaterThan(
      0,
    );
    expect(await page.getByRole('searchbox', { name: '搜索词' }).inputValue()).toBe('光伏');
    expect(errors).toEqual([]);
  });

  it('applies target filters from the address', async () => {
    const { page, errors } = await open('/targets?chapter=2&sort=value&dir=desc');
    const chapter = page.locator('#island-targets select[name="chapter"]');
    await expect.poll(() => chapter.inputValue(), { timeout: 15_000 }).toBe('2');
    const links = await page
      .locator('#island-targets table a[href*="/chapters/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/chapters\/2#/);
    expect(page.url()).toContain('chapter=2');
    expect(errors).toEqual([]);
  });

  // Issue 19: the static measure URLs were pages that sent the browser to the chapter's anchor.
  it('serves /measures/m40 as its own page, in both languages', async () => {
    const { page, errors } = await open('/measures/m40');
    expect(await page.locator('article.measure-page h1').count()).toBe(1);
    expect(page.url()).toMatch(/\/measures\/m40$/);
    const en = await open('/en/measures/m94');
    expect(await en.page.locator('html').getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
  });
});
