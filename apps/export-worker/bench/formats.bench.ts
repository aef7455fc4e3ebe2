import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { canonicalEdition } from '../src/canonical-edition.js';
import { renderMarkdown } from '../src/render/render-markdown.js';
import { FORMAT_IDS } from '../src/schemas.js';
import type { BenchRow } from '@leshan/bench';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 5;

const ChildResultSchema = z.object({
  first: z.number(),
  median: z.number(),
  bytes: z.number(),
  rssBeforeMiB: z.number(),
  peakRssMiB: z.number(),
});

function renderInChild(format: string): BenchRow[] {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@leshan/source',
      join(here, 'render-once.ts'),
      format,
      String(RUNS),
    ],
    {
      encoding: 'utf8',
    },
  );
  const r = ChildResultSchema.parse(JSON.parse(out));
  return [
    { name: `export ${format}: median of ${RUNS} renders`, value: r.median, unit: 'ms' },
    { name: `export ${format}: slowest render (cold)`, value: r.first, unit: 'ms' },
    { name: `export ${format}: peak RSS of its process`, value: r.peakRssMiB, unit: 'MiB' },
    { name: `export ${format}: RSS after imports`, value: r.rssBeforeMiB, unit: 'MiB' },
    { name: `export ${format}: output size`, value: r.bytes, unit: 'bytes' },
  ];
}

// GNU time reports the child's peak RSS; without it only the wall time is measured.
function timedPandoc(args: string[]): { ms: number; peakMiB: number | null } {
  const start = performance.now();
  if (existsSync('/usr/bin/time')) {
    const result = spawnSync('/usr/bin/time', ['-f', '%M', 'pandoc', ...args], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
    return {
      ms: performance.now() - start,
      peakMiB: Number(result.stderr.trim().split('\n').pop()) / 1024,
    };
  }
  execFileSync('pandoc', args, { stdio: 'ignore' });
  return { ms: performance.now() - start, peakMiB: null };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const format of [...FORMAT_IDS, 'all']) rows.push(...renderInChild(format));
  const dir = mkdtempSync(join(tmpdir(), 'export-bench-'));
  try {
    const md = join(dir, 'report.md');
    writeFileSync(md, await renderMarkdown(canonicalEdition()));
    for (const to of ['docx', 'html']) {
      const samples = Array.from({ length: RUNS }, () =>
        timedPandoc(['-f', 'gfm', '-t', to, '-s', '-o', join(dir, `out.${to}`), md]),
      );
      samples.sort((a, b) => a.ms - b.ms);
      rows.push({
        name: `pandoc md → ${to}: median of ${RUNS} runs`,
        value: samples[Math.floor(RUNS / 2)]?.ms ?? Number.NaN,
        unit: 'ms',
      });
      const peak = Math.max(...samples.map((s) => s.peakMiB ?? Number.NaN));
      if (Number.isFinite(peak))
        rows.push({ name: `pandoc md → ${to}: peak RSS`, value: peak, unit: 'MiB' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
