import { canonicalReport } from '../src/data/index.js';
import { extractIndicators } from '../src/indicators/index.js';
import { listMeasures } from '../src/model/index.js';
import type { BenchRow } from '@leshan/bench';
import { time } from '@leshan/bench';

// One call takes microseconds, below the timer's grain: time batches and divide.
const BATCH = 50;

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}

/** Median and p99, over the canonical measures, of each measure's median extraction time. */
function perSentence(texts: readonly string[]): BenchRow[] {
  const perMeasure = texts
    .map((text) => {
      const timing = time(
        () => {
          for (let k = 0; k < BATCH; k += 1) extractIndicators(text);
        },
        { runs: 30, warmup: 5 },
      );
      return (timing.median / BATCH) * 1000;
    })
    .sort((a, b) => a - b);
  return [
    {
      name: `extractIndicators: per sentence (${texts.length} measures), median`,
      value: percentile(perMeasure, 50),
      unit: 'µs',
    },
    { name: 'extractIndicators: per sentence, p99', value: percentile(perMeasure, 99), unit: 'µs' },
  ];
}

function textOfSize(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Time for one input size; throughput in MB/s (UTF-16 code units counted as bytes of text). */
function sized(label: string, text: string, runs: number): { ms: number; rows: BenchRow[] } {
  const timing = time(() => extractIndicators(text), { runs, warmup: 2 });
  const kb = Math.round(text.length / 1024);
  return {
    ms: timing.median,
    rows: [
      { name: `extractIndicators: ${label} ${kb} KB, median`, value: timing.median, unit: 'ms' },
      {
        name: `extractIndicators: ${label} ${kb} KB, throughput`,
        value: text.length / (1 << 20) / (timing.median / 1000),
        unit: 'M chars/s',
      },
    ],
  };
}

/** Linear growth: 1 MB should take about 16 times as long as 64 KB. */
function growth(label: string, unit: string): BenchRow[] {
  const small = sized(label, textOfSize(unit, 64 << 10), 15);
  const large = sized(label, textOfSize(unit, 1 << 20), 5);
  return [
    ...small.rows,
    ...large.rows,
    {
      name: `extractIndicators: ${label} 1 MB ÷ 64 KB time (16 = linear)`,
      value: large.ms / small.ms,
      unit: '×',
    },
  ];
}

/** Extraction time per canonical sentence, and throughput on report prose and adversarial text. */
export async function bench(): Promise<BenchRow[]> {
  const texts = listMeasures(canonicalReport).map((m) => m.text);
  return Promise.resolve([
    ...perSentence(texts),
    ...growth('report prose', texts.join('')),
    ...growth('one endless clause', '高速公路'),
    ...growth('digits and separators', '1，000，'),
  ]);
}
