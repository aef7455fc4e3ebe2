import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchRow } from './stats.js';
import { spawnServer } from './spawn-server.js';

const DURATION_S = 5;
const CONNECTIONS = 10;

async function load(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ rps: number; p99: number; non2xx: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

/**
 * Requests/s and p99 latency of the home page and /api/v1/editions/latest (with and without
 * If-None-Match), beside a bare node:http server sending the same bytes in the same run.
 */
export async function bench(): Promise<BenchRow[]> {
  const viewer = await spawnServer([]);
  const dir = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
  const rows: BenchRow[] = [];
  let bare: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    const routes: Record<string, { body: string; etag: string; type: string }> = {};
    for (const path of ['/', '/api/v1/editions/latest']) {
      const res = await fetch(`${viewer.baseUrl}${path}`);
      routes[path] = {
        body: Buffer.from(await res.arrayBuffer()).toString('base64'),
        etag: res.headers.get('etag') ?? '',
        type: res.headers.get('content-type') ?? '',
      };
    }
    const spec = join(dir, 'routes.json');
    writeFileSync(spec, JSON.stringify({ routes }));
    bare = await spawnServer(['bare', spec]);
    const cases: [string, string, Record<string, string>][] = [
      ['home', '/', {}],
      ['home 304', '/', { 'if-none-match': routes['/']?.etag ?? '' }],
      ['api latest', '/api/v1/editions/latest', {}],
      [
        'api latest 304',
        '/api/v1/editions/latest',
        { 'if-none-match': routes['/api/v1/editions/latest']?.etag ?? '' },
      ],
    ];
    for (const [name, path, headers] of cases) {
      for (const [server, label] of [
        [viewer, 'viewer'],
        [bare, 'bare node:http'],
      ] as const) {
        const r = await load(`${server.baseUrl}${path}`, headers);
        rows.push(
          { name: `${label} ${name} req/s`, value: Math.round(r.rps), unit: 'req/s' },
          { name: `${label} ${name} p99`, value: r.p99, unit: 'ms' },
        );
        if (r.non2xx > 0 && !name.endsWith('304'))
          rows.push({ name: `${label} ${name} non-2xx`, value: r.non2xx, unit: 'responses' });
      }
    }
  } finally {
    viewer.stop();
    bare?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
