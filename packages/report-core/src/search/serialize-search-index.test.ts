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
    expect(JSON.parse(json)).toMatchObject({ format: 'leshan-report-search-index', version: 2 });
  });

  it('rejects another index version with a bilingual message asking for a rebuild', () => {
    const json = serializeSearchIndex(createSearchIndex(searchReport())).replace(
      '"version":2',
      '"version":3',
    );
    expect(issuesOf(json)).toEqual([
      {
        path: 'version',
        zh: '搜索索引版本 3 不受支持（当前版本为 2），请重新生成索引',
        en: 'search index version 3 is not supported (this version reads 2); rebuild the index',
      },
    ]);
  });

  it('issue 17: rejects a version 1 index (no folding, no gazetteer) with the rebuild message', () => {
    const v1 = JSON.parse(serializeSearchIndex(createSearchIndex(searchReport()))) as Record<
      string,
      unknown
    >;
    delete v1['places'];
    v1['version'] = 1;
    expect(issuesOf(JSON.stringify(v1))).toEqual([
      {
        path: 'version',
        zh: '搜索索引版本 1 不受支持（当前版本为 2），请重新生成索引',
        en: 'search index version 1 is not supported (this version reads 2); rebuild the index',
      },
    ]);
  });

  it('issue 17: a loaded version 2 index keeps the gazetteer, folding and whole numbers', () => {
    const copy = loaded(createSearchIndex(canonicalReport));
    expect(copy.places.find((p) => p.id === 'wutongqiao')?.names).toEqual(['五通桥区', '五通桥']);
    expect(search(copy, '五通桥区').map((h) => h.nodeId)).toEqual(['m100', 'm94']);
    expect(search(copy, '機場')[0]?.nodeId).toBe('m40');
    expect(search(copy, '6%').map((h) => h.nodeId)).toEqual(['m282']);
  });

  it('rejects a gazetteer entry without names', () => {
    const value = JSON.parse(serializeSearchIndex(createSearchIndex(searchReport()))) as {
      places: { id: string; names: string[] }[];
    };
    value.places = [{ id: 'wutongqiao', names: [] }];
    expect(issuesOf(JSON.stringify(value)).map((i) => i.path)).toEqual(['places.0.names']);
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
