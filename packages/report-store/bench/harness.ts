import { performance } from 'node:perf_hooks';

/** One figure of a benchmark, as printed by `pnpm bench` (same shape as report-core's). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

/** Median and p99 in milliseconds of `runs` sequential calls of an async function. */
export async function timeAsync(
  fn: (i: number) => Promise<unknown>,
  runs: number,
): Promise<{ median: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number): number =>
    samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p99: at(0.99) };
}
