import lighthouse from 'lighthouse';
import { launchChromium } from '@leshan/testing/chromium';
import { freePort } from '@leshan/testing/ports';
import type { BenchRow } from './stats.js';
import { spawnServer } from './spawn-server.js';

const PAGES = [
  ['home', '/'],
  ['chapter-2', '/chapters/2'],
  ['targets', '/targets'],
  ['measure-m38', '/measures/m38'],
  ['measures', '/measures'],
  ['search', '/search?q=光伏'],
] as const;

/** Lighthouse (mobile defaults: emulated phone, simulated slow 4G) performance and accessibility scores. */
export async function bench(): Promise<BenchRow[]> {
  // The browser first: without Chromium the bench stops with launchChromium's message instead
  // of leaving the server running (which kept the bench from ever ending).
  const port = await freePort();
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  const server = await spawnServer([]).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const rows: BenchRow[] = [];
  try {
    for (const [name, path] of PAGES) {
      const result = await lighthouse(`${server.baseUrl}${encodeURI(path)}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const categories = result?.lhr.categories;
      rows.push(
        {
          name: `lighthouse ${name} performance`,
          value: Math.round((categories?.performance?.score ?? 0) * 100),
          unit: 'score',
        },
        {
          name: `lighthouse ${name} accessibility`,
          value: Math.round((categories?.accessibility?.score ?? 0) * 100),
          unit: 'score',
        },
        {
          name: `lighthouse ${name} LCP`,
          value: Math.round(result?.lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
          unit: 'ms',
        },
      );
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return rows;
}
