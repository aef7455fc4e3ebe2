import { gzipSync } from 'node:zlib';
import { launchChromium } from '@leshan/testing/chromium';
import { PAGES } from '../e2e/harness.js';
import type { BenchRow } from './stats.js';
import { round } from './stats.js';
import { spawnServer } from './spawn-server.js';

const kb = (bytes: number): number => round(bytes / 1024, 1);

/**
 * Gzip sizes as a phone would download them: each page's HTML, and the JavaScript Chromium
 * actually fetches on first load (islands load their code on demand, so this differs per page).
 * Budgets: home HTML ≤ 40 KB, JS on first load ≤ 100 KB.
 */
export async function bench(): Promise<BenchRow[]> {
  // The browser first: without Chromium the bench stops with launchChromium's message instead
  // of leaving the server running.
  const browser = await launchChromium();
  const server = await spawnServer([]).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    for (const { name, path } of PAGES) {
      const js = new Map<string, number>();
      const onResponse = (response: { url(): string; body(): Promise<Buffer> }): void => {
        if (response.url().endsWith('.js'))
          void response.body().then((b) => js.set(response.url(), gzipSync(b).length));
      };
      page.on('response', onResponse);
      const html = await (await fetch(`${server.baseUrl}${encodeURI(path)}`)).arrayBuffer();
      await page.goto(`${server.baseUrl}${encodeURI(path)}`);
      await page.waitForLoadState('networkidle');
      page.off('response', onResponse);
      rows.push({
        name: `html gzip ${name}`,
        value: kb(gzipSync(Buffer.from(html)).length),
        unit: 'KB',
      });
      rows.push({
        name: `js first load gzip ${name}`,
        value: kb([...js.values()].reduce((a, b) => a + b, 0)),
        unit: 'KB',
      });
    }
    // Search as you type fetches the search engine and the edition's index on the first keystroke.
    const extra = new Map<string, number>();
    page.on('response', (response) => {
      if (/\.(js|json)$/.test(response.url()))
        void response.body().then((b) => extra.set(response.url(), gzipSync(b).length));
    });
    await page.goto(`${server.baseUrl}/search`);
    await page.waitForLoadState('networkidle');
    extra.clear();
    await page.getByRole('searchbox').pressSequentially('光伏');
    await page.waitForSelector('.search-results mark');
    await page.waitForLoadState('networkidle');
    rows.push({
      name: 'search first keystroke: engine + index gzip',
      value: kb([...extra.values()].reduce((a, b) => a + b, 0)),
      unit: 'KB',
    });
  } finally {
    await browser.close();
    server.stop();
  }
  return rows;
}
