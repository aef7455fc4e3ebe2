import { performance } from 'node:perf_hooks';

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

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
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
  samples.sort((a, b) => a - b);
  return {
    median: percentile(samples, 50),
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    min: samples[0] ?? Number.NaN,
    max: samples[samples.length - 1] ?? Number.NaN,
    runs: samples.length,
  };
}
