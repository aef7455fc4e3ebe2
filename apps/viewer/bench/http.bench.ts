import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { canonicalReport, findNode } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import { openStore } from '@leshan/report-store';
import type { BenchRow } from './stats.js';
import { round } from './stats.js';
import { spawnServer } from './spawn-server.js';
import type { Spawned } from './spawn-server.js';

const SLICE_S = 1.5;
const SLICES = 4;
const CONNECTIONS = 50;
// BENCH_EDITIONS=8 for a quicker run of one store size.
const EDITION_COUNTS = (process.env.BENCH_EDITIONS ?? '8,500').split(',').map(Number);
/** Issue 12's goal: each case at ≥ 0.8× the bare server's requests/s, with p99 ≤ 1.5× its own. */
const GOAL = { rps: 0.8, p99: 1.5 };

const CASES: [string, string][] = [
  ['chapter', '/chapters/2'],
  ['latest-edition API', '/api/v1/editions/latest'],
  ['search 光伏', `/search?q=${encodeURIComponent('光伏')}`],
  ['search API 光伏', `/api/v1/search?q=${encodeURIComponent('光伏')}`],
  ['home', '/'],
];

interface Load {
  rps: number;
  p99: number;
  /** The server's CPU time per answer: steady on a busy machine, where req/s and p99 are not. */
  cpuUs: number;
  errors: number;
}

/**
 * Both servers under the same load, in alternating slices (the machine is shared: a slice each,
 * in turn, sees the same background): requests/s over all slices, p99 the mean of the slices'.
 */
async function loadPair(servers: [Spawned, Spawned], path: string): Promise<[Load, Load]> {
  const sums = servers.map(() => ({ requests: 0, seconds: 0, p99: 0, cpuMs: 0, errors: 0 }));
  for (let slice = 0; slice < SLICES; slice += 1) {
    for (const [i, server] of servers.entries()) {
      const cpuBefore = server.cpuMs();
      const r = await autocannon({
        url: `${server.baseUrl}${path}`,
        connections: CONNECTIONS,
        duration: SLICE_S,
      });
      const sum = sums[i];
      if (sum === undefined) continue;
      sum.cpuMs += server.cpuMs() - cpuBefore;
      sum.requests += r.requests.total;
      sum.seconds += r.duration;
      sum.p99 += r.latency.p99 / SLICES;
      sum.errors += r.non2xx + r.errors + r.timeouts;
    }
  }
  const [a, b] = sums.map((s) => ({
    rps: s.requests / s.seconds,
    p99: round(s.p99, 1),
    cpuUs: round((s.cpuMs * 1000) / Math.max(s.requests, 1), 0),
    errors: s.errors,
  }));
  if (a === undefined || b === undefined) throw new Error('bench: two servers expected');
  return [a, b];
}

/** A SQLite store holding `count` editions (the canonical report, then `count - 1` revisions of it). */
async function storeWith(count: number, dir: string): Promise<string> {
  const file = join(dir, `editions-${count}.db`);
  const store = await openStore({ sqliteFile: file });
  try {
    for (let n = 2; n <= count; n += 1) {
      const report: Report = structuredClone(canonicalReport);
      const found = findNode(report, 'm38');
      if (found?.kind !== 'measure') throw new Error('bench: no measure m38');
      found.node.text = `${found.node.text}（第 ${n} 次修订）`;
      const published = await store.publishReport({ report, publishedBy: 'bench' });
      if (!published.ok) throw new Error(`bench: publishing edition ${n} failed`);
    }
  } finally {
    await store.close();
  }
  return file;
}

interface Pair {
  name: string;
  editions: number;
  viewer: Load;
  bare: Load;
}

/** The viewer over a store of `editions`, and a bare node:http server with the same bytes and ETags. */
async function measure(editions: number, dir: string): Promise<Pair[]> {
  const file = await storeWith(editions, dir);
  const viewer = await spawnServer(['store', file]);
  let bare: Spawned | undefined;
  try {
    const routes: Record<string, { body: string; etag: string; type: string }> = {};
    for (const [, path] of CASES) {
      const res = await fetch(`${viewer.baseUrl}${path}`, { headers: { 'accept-encoding': '' } });
      if (!res.ok) throw new Error(`bench: ${path} answered ${res.status}`);
      routes[path] = {
        body: Buffer.from(await res.arrayBuffer()).toString('base64'),
        etag: res.headers.get('etag') ?? '',
        type: res.headers.get('content-type') ?? '',
      };
    }
    const spec = join(dir, `routes-${editions}.json`);
    writeFileSync(spec, JSON.stringify({ routes }));
    bare = await spawnServer(['bare', spec]);
    const pairs: Pair[] = [];
    for (const [name, path] of CASES) {
      // Warm both (compile, caches), then measure them one after the other.
      await autocannon({ url: `${viewer.baseUrl}${path}`, connections: 10, amount: 500 });
      await autocannon({ url: `${bare.baseUrl}${path}`, connections: 10, amount: 500 });
      const [v, b] = await loadPair([viewer, bare], path);
      pairs.push({ name, editions, viewer: v, bare: b });
    }
    return pairs;
  } finally {
    viewer.stop();
    bare?.stop();
  }
}

function table(pairs: Pair[]): string {
  const head = [
    'case',
    'editions',
    'viewer req/s',
    'bare req/s',
    'req/s ratio',
    'viewer p99 ms',
    'bare p99 ms',
    'p99 ratio',
    'viewer CPU µs/req',
    'bare CPU µs/req',
    'goal',
  ];
  const rows = pairs.map((p) => {
    const rps = p.viewer.rps / p.bare.rps;
    const p99 = p.viewer.p99 / Math.max(p.bare.p99, 1);
    const met = rps >= GOAL.rps && p99 <= GOAL.p99 && p.viewer.errors === 0;
    return [
      p.name,
      String(p.editions),
      String(Math.round(p.viewer.rps)),
      String(Math.round(p.bare.rps)),
      `${round(rps)}×`,
      String(p.viewer.p99),
      String(p.bare.p99),
      `${round(p99)}×`,
      String(p.viewer.cpuUs),
      String(p.bare.cpuUs),
      met ? 'met' : `NOT met${p.viewer.errors > 0 ? ` (${p.viewer.errors} errors)` : ''}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Requests/s and p99 of home, a chapter, the latest-edition API and search 光伏 (page and API),
 * the viewer over a SQLite store of 8 and of 500 editions beside a bare node:http server sending
 * the same bytes with the same ETag, in the same run (autocannon, 50 connections, alternating). Prints a table
 * of ratios against issue 12's goal (≥ 0.8× req/s, p99 ≤ 1.5×; a p99 under 1 ms counts as 1 ms).
 */
export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
  const pairs: Pair[] = [];
  try {
    for (const editions of EDITION_COUNTS) pairs.push(...(await measure(editions, dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${table(pairs)}\n`);
  return pairs.flatMap((p) => [
    {
      name: `${p.name} @${p.editions} req/s ratio`,
      value: round(p.viewer.rps / p.bare.rps),
      unit: '×',
    },
    {
      name: `${p.name} @${p.editions} CPU per answer, viewer / bare`,
      value: round(p.viewer.cpuUs / Math.max(p.bare.cpuUs, 1)),
      unit: '×',
    },
    {
      name: `${p.name} @${p.editions} p99 ratio`,
      value: round(p.viewer.p99 / Math.max(p.bare.p99, 1)),
      unit: '×',
    },
  ]);
}
