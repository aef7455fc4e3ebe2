import { performance } from 'node:perf_hooks';
import { PAGES } from '../e2e/harness.js';
import { BodyCache } from '../src/server/http/body-cache.js';
import { createServer } from '../src/server/server.js';
import { sampleSource } from '../src/server/testing/sample-editions.js';
import type { BenchRow } from './stats.js';
import { round, summarize } from './stats.js';

const RUNS = 40;

/** Server render time per page: a cache that keeps nothing, so every request renders React anew. */
export async function bench(): Promise<BenchRow[]> {
  const app = createServer({
    source: sampleSource(),
    siteUrl: 'http://127.0.0.1',
    cache: new BodyCache(0),
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const rows: BenchRow[] = [];
  try {
    for (const { name, path } of PAGES) {
      const url = `${base}${encodeURI(path)}`;
      for (let i = 0; i < 5; i += 1) await (await fetch(url)).arrayBuffer();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const start = performance.now();
        await (await fetch(url)).arrayBuffer();
        samples.push(performance.now() - start);
      }
      const { median, p99 } = summarize(samples);
      rows.push(
        { name: `render ${name} median`, value: round(median), unit: 'ms' },
        { name: `render ${name} p99`, value: round(p99), unit: 'ms' },
      );
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return rows;
}
