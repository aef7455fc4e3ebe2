import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One figure of a benchmark, as printed by `pnpm bench`. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

export interface Timing {
  median: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
  runs: number;
}

function summarise(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  const at = (p: number): number =>
    samples[Math.min(samples.length - 1, Math.max(0, Math.ceil((p / 100) * samples.length) - 1))] ??
    Number.NaN;
  return {
    median: at(50),
    p50: at(50),
    p99: at(99),
    min: samples[0] ?? Number.NaN,
    max: samples[samples.length - 1] ?? Number.NaN,
    runs: samples.length,
  };
}

/** Runs fn `runs` times (after `warmup` untimed runs) and returns times in milliseconds. */
export function time(fn: () => unknown, options: { runs: number; warmup?: number }): Timing {
  for (let i = 0; i < (options.warmup ?? Math.min(5, options.runs)); i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/** Times `runs` sequential calls of an async function, in milliseconds. */
export async function timeAsync(
  fn: (i: number) => Promise<unknown>,
  runs: number,
): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value < 1 ? value.toPrecision(3) : value.toFixed(2);
}

/**
 * Runs every `*.bench.ts` of a folder (each exports `bench(): Promise<BenchRow[]>`), or only those
 * whose name starts with `only`, and prints their figures as one table.
 */
export async function runBenchFiles(dir: URL, only?: string): Promise<BenchRow[]> {
  const path = fileURLToPath(dir);
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.bench.ts') && (only === undefined || f.startsWith(only)))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(path, file)).href)) as {
      bench: () => Promise<BenchRow[]>;
    };
    const got = await mod.bench();
    for (const row of got)
      console.log(`${row.name.padEnd(60)} ${formatValue(row.value).padStart(14)} ${row.unit}`);
    rows.push(...got);
  }
  console.log(`\n${rows.length} figures from ${files.length} benchmark files`);
  return rows;
}
