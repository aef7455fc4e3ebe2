import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { createSearchIndex } from './create-search-index.js';
import { search } from './search.js';
import { searchReport } from './search-report.fixture.js';
import { loadSearchIndex, serializeSearchIndex } from './serialize-search-index.js';
import type { SearchIndex } from './search-index.js';

const QUERIES = [
  '光伏',
  '伏产',
  '210',
  '5G',
  '2000',
  '乡村振兴',
  '光',
  '乐山 旅游',
  '产业 集群',
  '不存在的词',
  '经济',
];

function loaded(index: SearchIndex): SearchIndex {
  const result = loadSearchIndex(serializeSearchIndex(index));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function issuesOf(json: string): { path: string; zh: string; en: string }[] {
  const result = loadSearchIndex(json);
  return result.ok ? [] : result.issues.map((i) => ({ path: i.path, ...i.message }));
}

describe('serializeSearchIndex / loadSearchIndex', () => {
  it.each([
    ['the synthetic report', createSearchIndex(searchReport())],
    ['the canonical report', createSearchIndex(canonicalReport)],
    [
      'the canonical report built without Intl.Segmenter',
      createSearchIndex(canonicalReport, { segmenter: false }),
    ],
  ])('gives identical hits, scores and snippets after a round trip: %s', (_name, fresh) => {
    const copy = loaded(fresh);
    expect(copy.segmented).toBe(fresh.segmented);
    for (const query of QUERIES) {
      for (const options of [{}, { kind: 'measure' as const }, { limit: 3, offset: 1 }]) {
        expect(search(copy, query, options)).toEqual(search(fresh, query, options));
      }
    }
  });

  it('writes the same JSON again after loading', () => {
    const json = serializeSearchIndex(createSearchIndex(canonicalReport));
    expect(serializeSearchIndex(loaded(createSearchIndex(canonicalReport)))).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ format: 'leshan-report-search-index', version: 1 });
  });

  it('rejects another index version with a bilingual message asking for a rebuild', () => {
    const json = serializeSearchIndex(createSearchIndex(searchReport())).replace(
      '"version":1',
      '"version":2',
    );
    expect(issuesOf(json)).toEqual([
      {
        path: 'version',
        zh: '搜索索引版本 2 不受支持（当前版本为 1），请重新生成索引',
        en: 'search index version 2 is not supported (this version reads 1); rebuild the index',
      },
    ]);
  });

  it('rejects malformed JSON and JSON that is not a search index', () => {
    expect(issuesOf('{"format":')).toEqual([
      { path: '', zh: '搜索索引不是有效的 JSON', en: 'the search index is not valid JSON' },
    ]);
    expect(issuesOf(JSON.stringify(canonicalReport))[0]).toMatchObject({
      path: 'format',
      en: 'not a Leshan report search index',
    });
    expect(issuesOf('null')).not.toEqual([]);
  });

  it('rejects postings that point past the documents or do not ascend', () => {
    const value = JSON.parse(serializeSearchIndex(createSearchIndex(searchReport()))) as {
      postings: Record<string, number[]>;
    };
    const outOfRange = structuredClone(value);
    outOfRange.postings['光伏'] = [999, 1];
    const [issue, ...more] = issuesOf(JSON.stringify(outOfRange));
    expect(more).toEqual([]);
    expect(issue?.path).toBe('postings.光伏');
    expect(issue?.en).toMatch(/^corrupt postings/u);
    const repeated = structuredClone(value);
    repeated.postings['光伏'] = [1, 1, 0, 1];
    expect(issuesOf(JSON.stringify(repeated))).toHaveLength(1);
    const odd = structuredClone(value);
    odd.postings['光伏'] = [1, 1, 1];
    expect(issuesOf(JSON.stringify(odd))).toHaveLength(1);
  });
});
