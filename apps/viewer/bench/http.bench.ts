import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { canonicalReport, editableCopy, findNode } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import { openStore } from '@leshan/report-store';
import type { BenchRow } from './stats.js';
import { median, round } from './stats.js';
import { spawnServer } from './spawn-server.js';
import type { Spawned } from './spawn-server.js';

// Each run is a viewer slice and a bare slice back to back (in turn first), so both see the same
// background load on a shared machine; the figures are the medians over runs.
const SLICE_S = Number(process.env.BENCH_SLICE_S ?? 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARM_S = 2;
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

// Headers node:http writes itself on both servers: the rest of the viewer's are sent by the bare one.
const OWN_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

interface Load {
  rps: number;
  p99: number;
  /** The server's CPU time per answer: steadier on a busy machine than req/s and p99. */
  cpuUs: number;
  errors: number;
}

interface Slice {
  rps: number;
  p99: number;
  cpuMs: number;
  requests: number;
  errors: number;
}

async function slice(server: Spawned, path: string, seconds: number): Promise<Slice> {
  const cpuBefore = server.cpuMs();
  const r = await autocannon({
    url: `${server.baseUrl}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    rps: r.requests.total / r.duration,
    // A p99 under 1 ms counts as 1 ms (autocannon's resolution).
    p99: Math.max(r.latency.p99, 1),
    cpuMs: server.cpuMs() - cpuBefore,
    requests: r.requests.total,
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

interface Measured {
  viewer: Load;
  bare: Load;
  /** Medians over runs of the per-run ratios, and the lowest and highest req/s ratio seen. */
  rpsRatio: number;
  p99Ratio: number;
  rpsRange: [number, number];
}

/**
 * Both servers under the same load, warmed first, then RUNS pairs of slices (which one goes first
 * alternates): each figure is the median over runs, each ratio the median of the runs' ratios.
 */
async function loadPair([viewer, bare]: [Spawned, Spawned], path: string): Promise<Measured> {
  await slice(viewer, path, WARM_S);
  await slice(bare, path, WARM_S);
  const runs: { v: Slice; b: Slice }[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    if (run % 2 === 0) {
      const v = await slice(viewer, path, SLICE_S);
      runs.push({ v, b: await slice(bare, path, SLICE_S) });
    } else {
      const b = await slice(bare, path, SLICE_S);
      runs.push({ v: await slice(viewer, path, SLICE_S), b });
    }
  }
  const load = (side: Slice[]): Load => ({
    rps: median(side.map((s) => s.rps)),
    p99: round(median(side.map((s) => s.p99)), 1),
    cpuUs: round(median(side.map((s) => (s.cpuMs * 1000) / Math.max(s.requests, 1))), 0),
    errors: side.reduce((sum, s) => sum + s.errors, 0),
  });
  const ratios = runs.map((r) => r.v.rps / r.b.rps);
  return {
    viewer: load(runs.map((r) => r.v)),
    bare: load(runs.map((r) => r.b)),
    rpsRatio: median(ratios),
    p99Ratio: median(runs.map((r) => r.v.p99 / r.b.p99)),
    rpsRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/** A SQLite store holding `count` editions (the canonical report, then `count - 1` revisions of it). */
async function storeWith(count: number, dir: string): Promise<string> {
  const file = join(dir, `editions-${count}.db`);
  const store = await openStore({ sqliteFile: file });
  try {
    for (let n = 2; n <= count; n += 1) {
      const report: Report = editableCopy(canonicalReport);
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

interface Pair extends Measured {
  name: string;
  editions: number;
  /** How many headers both send (besides node's own). */
  headers: number;
}

interface Run {
  pairs: Pair[];
  /** What the bare server sends (all cases) besides node's own Date, Connection, Keep-Alive, Content-Length. */
  referenceHeaders: string[];
  /** The machine's 1-minute load average before and after (2 cores shared with other work). */
  load: [number, number];
}

/** The viewer over a store of `editions`, and a bare node:http server with the same bytes and headers. */
async function measure(editions: number, dir: string): Promise<Run> {
  const file = await storeWith(editions, dir);
  const viewer = await spawnServer(['store', file]);
  let bare: Spawned | undefined;
  try {
    const routes: Record<string, { body: string; headers: Record<string, string> }> = {};
    for (const [, path] of CASES) {
      // No Accept-Encoding, as autocannon sends: the bytes as they are.
      const res = await fetch(`${viewer.baseUrl}${path}`, { headers: { 'accept-encoding': '' } });
      if (!res.ok) throw new Error(`bench: ${path} answered ${res.status}`);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        if (!OWN_HEADERS.has(name)) headers[name] = value;
      });
      routes[path] = { body: Buffer.from(await res.arrayBuffer()).toString('base64'), headers };
    }
    const spec = join(dir, `routes-${editions}.json`);
    writeFileSync(spec, JSON.stringify({ routes }));
    bare = await spawnServer(['bare', spec]);
    const loadBefore = loadavg()[0] ?? 0;
    const pairs: Pair[] = [];
    for (const [name, path] of CASES)
      pairs.push({
        name,
        editions,
        headers: Object.keys(routes[path]?.headers ?? {}).length,
        ...(await loadPair([viewer, bare], path)),
      });
    const names = new Set(Object.values(routes).flatMap((r) => Object.keys(r.headers)));
    return {
      pairs,
      referenceHeaders: [...names].sort(),
      load: [round(loadBefore, 1), round(loadavg()[0] ?? 0, 1)],
    };
  } finally {
    viewer.stop();
    bare?.stop();
  }
}

function table(pairs: Pair[]): string {
  const head = [
    'case',
    'editions',
    'headers',
    'viewer req/s',
    'bare req/s',
    'req/s ratio',
    'ratio range',
    'viewer p99 ms',
    'bare p99 ms',
    'p99 ratio',
    'viewer CPU µs/req',
    'bare CPU µs/req',
    'goal',
  ];
  const rows = pairs.map((p) => {
    const met = p.rpsRatio >= GOAL.rps && p.p99Ratio <= GOAL.p99 && p.viewer.errors === 0;
    return [
      p.name,
      String(p.editions),
      String(p.headers),
      String(Math.round(p.viewer.rps)),
      String(Math.round(p.bare.rps)),
      `${round(p.rpsRatio)}×`,
      `${round(p.rpsRange[0])}–${round(p.rpsRange[1])}`,
      String(p.viewer.p99),
      String(p.bare.p99),
      `${round(p.p99Ratio)}×`,
      String(p.viewer.cpuUs),
      String(p.bare.cpuUs),
      met ? 'met' : `NOT met${p.viewer.errors > 0 ? ` (${p.viewer.errors} errors)` : ''}`,
    ];
  });
  // Chinese characters take two columns in a terminal.
  const width = (text: string): number => [...text].reduce((w, c) => w + (c > '\u2e7f' ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c)))).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Requests/s and p99 of home, a chapter, the latest-edition API and search 光伏 (page and API),
 * the viewer over a SQLite store of 8 and of 500 editions beside a bare node:http server sending
 * the same bytes with the same headers (security, CORS, caching, ETag: the viewer's, captured),
 * in the same run (autocannon, 50 connections). Each case: both warmed, then BENCH_RUNS pairs
 * of BENCH_SLICE_S-second slices, medians reported. Prints a table of ratios against issue 12's
 * goal (≥ 0.8× req/s, p99 ≤ 1.5×; a p99 under 1 ms counts as 1 ms) and the machine's load.
 */
export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
  const pairs: Pair[] = [];
  try {
    for (const editions of EDITION_COUNTS) {
      const run = await measure(editions, dir);
      pairs.push(...run.pairs);
      process.stdout.write(
        `\n${editions} editions: load average ${run.load[0]} → ${run.load[1]} on ${cpus().length} cores; ` +
          `the bare server sends the viewer's headers (${run.referenceHeaders.join(', ')})\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${table(pairs)}\n`);
  return pairs.flatMap((p) => [
    { name: `${p.name} @${p.editions} req/s ratio`, value: round(p.rpsRatio), unit: '×' },
    {
      name: `${p.name} @${p.editions} CPU per answer, viewer / bare`,
      value: round(p.viewer.cpuUs / Math.max(p.bare.cpuUs, 1)),
      unit: '×',
    },
    { name: `${p.name} @${p.editions} p99 ratio`, value: round(p.p99Ratio), unit: '×' },
  ]);
}
