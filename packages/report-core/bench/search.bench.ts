import { canonicalReport, editableCopy } from '../src/data/index.js';
import type { ReadonlyReport } from '../src/model/readonly.js';
import type { SearchIndex } from '../src/search/index.js';
import {
  createSearchIndex,
  loadSearchIndex,
  search,
  searchPage,
  serializeSearchIndex,
} from '../src/search/index.js';
import type { BenchRow } from '@leshan/bench';
import { time } from '@leshan/bench';
import { synthesizeReport } from './synthesize-report.js';

// Two words, a substring across words, digits, a chapter-title phrase and a miss; then the
// cases of issue 17: traditional characters, a phrase split into words, a place, a percentage.
const QUERIES = [
  '光伏',
  '伏产',
  '210',
  '乡村振兴',
  '量子计算机',
  '機場',
  '乐山机场建设',
  '五通桥区',
  '6%',
];

function queryRows(label: string, index: SearchIndex, runs: number): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const query of QUERIES) {
    const t = time(() => search(index, query), { runs });
    rows.push({ name: `search ${label}: query ${query} p50`, value: t.p50, unit: 'ms' });
    rows.push({ name: `search ${label}: query ${query} p99`, value: t.p99, unit: 'ms' });
  }
  // A miss answered with checked suggestions (each one a search of its own).
  const miss = time(() => searchPage(index, '量子计算机'), { runs });
  rows.push({
    name: `search ${label}: searchPage miss with suggestions p50`,
    value: miss.p50,
    unit: 'ms',
  });
  return rows;
}

function corpusRows(
  label: string,
  report: ReadonlyReport,
  buildRuns: number,
  queryRuns: number,
): BenchRow[] {
  const warmup = buildRuns > 1 ? 1 : 0;
  let index = createSearchIndex(report);
  const build = time(() => (index = createSearchIndex(report)), { runs: buildRuns, warmup });
  // Intl.Segmenter (ICU) is about half the build; this shows the cost of the index without it.
  const plain = time(() => createSearchIndex(report, { segmenter: false }), {
    runs: buildRuns,
    warmup,
  });
  const json = serializeSearchIndex(index);
  const serialize = time(() => serializeSearchIndex(index), { runs: buildRuns, warmup });
  const load = time(() => loadSearchIndex(json), { runs: buildRuns, warmup });
  const loaded = loadSearchIndex(json);
  if (!loaded.ok) throw new Error(`search bench: the ${label} index did not load back`);
  return [
    { name: `search ${label}: documents`, value: index.docs.length, unit: 'docs' },
    { name: `search ${label}: index build p50`, value: build.p50, unit: 'ms' },
    {
      name: `search ${label}: index build without Intl.Segmenter p50`,
      value: plain.p50,
      unit: 'ms',
    },
    {
      name: `search ${label}: serialized size`,
      value: new TextEncoder().encode(json).length,
      unit: 'bytes',
    },
    { name: `search ${label}: serialize p50`, value: serialize.p50, unit: 'ms' },
    { name: `search ${label}: load (parse + validate) p50`, value: load.p50, unit: 'ms' },
    ...queryRows(label, index, queryRuns),
    // A loaded index starts without normalized texts; its first queries pay for them.
    ...queryRows(`${label} loaded`, loaded.value, queryRuns),
  ];
}

function hugeQueryRows(index: SearchIndex): BenchRow[] {
  const unit = '光伏产业\ud800.*+?(210)\u0000５Ｇ\u3000';
  return [100_000, 1_000_000].map((size) => {
    const query = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const t = time(() => search(index, query), { runs: 5, warmup: 1 });
    return {
      name: `search canonical: ${String(size / 1000)} kB hostile query p50`,
      value: t.p50,
      unit: 'ms',
    };
  });
}

export async function bench(): Promise<BenchRow[]> {
  const canonical = corpusRows('canonical', canonicalReport, 50, 500);
  const huge = hugeQueryRows(createSearchIndex(canonicalReport));
  const thousandfold = corpusRows(
    '1000x',
    synthesizeReport(editableCopy(canonicalReport), 1000),
    1,
    100,
  );
  return Promise.resolve([...canonical, ...huge, ...thousandfold]);
}
