import { sourceText } from '../src/data/index.js';
import { parseReportText } from '../src/parse/index.js';
import type { BenchRow } from '@leshan/bench';
import { time } from '@leshan/bench';

// Parse time for the source and for 64 copies of it: linear growth means the ratio stays near 64.
export async function bench(): Promise<BenchRow[]> {
  const one = time(() => parseReportText(sourceText), { runs: 50 });
  const many = sourceText.repeat(64);
  const sixtyFour = time(() => parseReportText(many), { runs: 7, warmup: 2 });
  const megabyte = '建设城市，推动发展。\n'.repeat(1 << 16);
  const mb = time(() => parseReportText(megabyte), { runs: 5, warmup: 1 });
  const kb = (text: string): string =>
    `${Math.round(new TextEncoder().encode(text).length / 1024)} KB`;
  return Promise.resolve([
    { name: `parse: source (${kb(sourceText)}) median`, value: one.median, unit: 'ms' },
    { name: 'parse: source p99', value: one.p99, unit: 'ms' },
    { name: `parse: 64× source (${kb(many)}) median`, value: sixtyFour.median, unit: 'ms' },
    { name: 'parse: 64× / 1× (linear ≈ 64)', value: sixtyFour.median / one.median, unit: 'ratio' },
    {
      name: `parse: 65,536 identical measure lines (${kb(megabyte)}) median`,
      value: mb.median,
      unit: 'ms',
    },
  ]);
}
