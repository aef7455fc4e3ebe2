// Child process of formats.bench.ts: renders one format (or all) of the canonical edition `runs`
// times and reports its timings and its own peak RSS, so formats do not share one heap.
import { performance } from 'node:perf_hooks';
import { canonicalEdition } from '../src/canonical-edition.js';
import { FORMAT_IDS, FormatIdSchema } from '../src/schemas.js';
import { renderFormat } from '../src/formats.js';

const [which = 'all', runsArg = '5'] = process.argv.slice(2);
const formats = which === 'all' ? FORMAT_IDS : [FormatIdSchema.parse(which)];
const input = canonicalEdition();
const rssBefore = process.memoryUsage().rss;
const samples: number[] = [];
let bytes = 0;
for (let i = 0; i < Number(runsArg); i += 1) {
  const start = performance.now();
  bytes = 0;
  for (const format of formats) bytes += (await renderFormat(input, format)).bytes.length;
  samples.push(performance.now() - start);
}
samples.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    first: samples.length > 0 ? Math.max(...samples) : 0,
    median: samples[Math.floor(samples.length / 2)] ?? 0,
    bytes,
    rssBeforeMiB: rssBefore / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
