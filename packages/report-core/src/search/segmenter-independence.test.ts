import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { createSearchIndex } from './create-search-index.js';
import { search } from './search.js';
import { loadSearchIndex, serializeSearchIndex } from './serialize-search-index.js';

const QUERIES = ['光伏', '伏产', '210', '高速公路', '乡村振兴', '产业 集群', '旅游'];

function withoutSegmenter(): void {
  vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
}

describe('search without Intl.Segmenter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('ranks an index loaded in an engine lacking Intl.Segmenter exactly as the one built with it', () => {
    const fresh = createSearchIndex(canonicalReport);
    expect(fresh.segmented).toBe(true);
    const json = serializeSearchIndex(fresh);
    const expected = QUERIES.map((q) => search(fresh, q));
    withoutSegmenter();
    const result = loadSearchIndex(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(QUERIES.map((q) => search(result.value, q))).toEqual(expected);
  });

  it('builds where Intl.Segmenter is missing, finding the same texts as with it', () => {
    const withIt = createSearchIndex(canonicalReport);
    withoutSegmenter();
    const without = createSearchIndex(canonicalReport);
    expect(without.segmented).toBe(false);
    for (const query of QUERIES) {
      const found = (hits: { nodeId: string }[]): string[] => hits.map((h) => h.nodeId).sort();
      expect(found(search(without, query, { limit: 1000 }))).toEqual(
        found(search(withIt, query, { limit: 1000 })),
      );
    }
  });

  it('boosts a whole word the segmenter found at build time', () => {
    const withIt = createSearchIndex(canonicalReport);
    const without = createSearchIndex(canonicalReport, { segmenter: false });
    // Node's ICU takes 高速公路 as one word; the boost lifts every text holding it as a word.
    expect(withIt.words.has('高速公路')).toBe(true);
    const [a] = search(withIt, '高速公路');
    const [b] = search(without, '高速公路');
    expect(a?.nodeId).toBe(b?.nodeId);
    expect(a?.score).toBeGreaterThan(b?.score ?? Infinity);
  });
});
