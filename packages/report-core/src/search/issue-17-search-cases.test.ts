import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { listMeasures } from '../model/query.js';
import { createSearchIndex } from './create-search-index.js';
import { markSnippet } from './mark-snippet.js';
import { search, searchPage } from './search.js';
import type { SearchOptionsInput, SearchPage } from './search-schemas.js';

// The search cases of issue 17 ("Search misses what people type"), on the canonical report.
const index = createSearchIndex(canonicalReport);
const ids = (query: string, options: SearchOptionsInput = {}): string[] =>
  search(index, query, { limit: 1000, ...options }).map((h) => h.nodeId);
const page = (query: string, options: SearchOptionsInput = {}): SearchPage => {
  const result = searchPage(index, query, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const measureIds = new Set(listMeasures(canonicalReport).map((m) => m.id));

describe('issue 17: search finds what people type', () => {
  it('機場 (traditional) finds the airport measure, as 机场 does', () => {
    expect(ids('機場')[0]).toBe('m40');
    expect(ids('機場')).toEqual(ids('机场'));
    const [hit] = search(index, '機場');
    expect(hit && markSnippet(hit, '[', ']')).toContain('乐山[机场]');
  });

  it('乐山机场建设 is split into words and finds the airport measure first', () => {
    const hits = page('乐山机场建设');
    expect(hits.hits[0]?.nodeId).toBe('m40');
    // m40 holds every word; the rest hold some of them and score lower.
    expect(hits.hits[0]?.score).toBeGreaterThan((hits.hits[1]?.score ?? 0) + 0.4);
  });

  it('高速公路建设 finds the highway measures first, the expressway one on top', () => {
    const found = ids('高速公路建设');
    expect(found.slice(0, 3)).toEqual(['m38', 'm184', 'm44']);
    // Then texts holding only 建设.
    expect(found.length).toBeGreaterThan(3);
  });

  it('五通桥区 finds the measures tagged with the place (their texts say 五通桥)', () => {
    const tagged = canonicalReport.chapters
      .flatMap((c) => c.sections.flatMap((s) => s.measures))
      .filter((m) => m.places.includes('wutongqiao'))
      .map((m) => m.id);
    expect(tagged.length).toBeGreaterThan(0);
    expect(ids('五通桥区').sort()).toEqual([...tagged].sort());
    expect(ids('五通橋區').sort()).toEqual([...tagged].sort());
    // The alias found in the text is what the snippet marks.
    for (const hit of search(index, '五通桥区'))
      expect(markSnippet(hit, '[', ']')).toContain('[五通桥]');
  });

  it('6% matches the percentage only: not the 6 of 第196行 or of 第6章', () => {
    expect(ids('6%')).toEqual(['m282']);
    const [hit] = search(index, '6%');
    expect(hit && markSnippet(hit, '[', ']')).toContain('控制在[6%]以内');
    // A bare 6 finds whole sixes only: no highlight sits inside a longer number.
    for (const h of search(index, '6', { limit: 1000 })) {
      const marked = markSnippet(h, '[', ']');
      expect(marked, h.nodeId).not.toMatch(/\d\[|\]\d/u);
    }
  });

  it('公路 ranks every measure above the editorial note that also says 公路', () => {
    const found = ids('公路');
    expect(found).toContain('note-11');
    expect(found.at(-1)).toBe('note-11');
    expect(found.slice(0, -1).every((id) => measureIds.has(id))).toBe(true);
  });

  it('a note comes first when it matches much better: it holds the whole query, measures less than half', () => {
    // note-11 holds 公路 and 笔误; the measures only 公路 (the commoner word).
    expect(ids('公路笔误')).toEqual(['note-11', 'm184', 'm44', 'm38']);
    // Holding a rare 干线公路 as well, m44 holds enough of 干线公路笔误 to stay first.
    expect(ids('干线公路笔误').slice(0, 2)).toEqual(['m44', 'note-11']);
  });

  it('pages with offset and limit over one ranking, with the total', () => {
    const all = ids('建设');
    expect(all.length).toBeGreaterThan(20);
    const first = page('建设', { limit: 10 });
    const second = page('建设', { limit: 10, offset: 10 });
    expect(first.total).toBe(all.length);
    expect(second.total).toBe(all.length);
    expect([...first.hits, ...second.hits].map((h) => h.nodeId)).toEqual(all.slice(0, 20));
    expect(second).toMatchObject({ offset: 10, limit: 10 });
    const past = page('建设', { offset: all.length });
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(all.length);
    expect(past.suggestions).toEqual([]);
  });

  it('an empty result suggests nearby words and shorter queries, each of which finds something', () => {
    const none = page('量子计算机');
    expect(none.total).toBe(0);
    expect(none.suggestions.length).toBeGreaterThan(0);
    for (const s of none.suggestions) {
      expect(s.reason).toBe('nearby');
      expect(page(s.query).total).toBe(s.total);
      expect([...s.query].some((c) => '量子计算机'.includes(c))).toBe(true);
    }
    expect(page('机场 不存在的词xyz').suggestions[0]).toEqual({
      query: '机场',
      reason: 'shorter',
      total: 1,
    });
    expect(page('7%').suggestions[0]).toEqual({ query: '6%', reason: 'nearby', total: 1 });
  });

  it('suggests only what finds something under the same filters', () => {
    const none = page('量子计算机', { kind: 'note' });
    for (const s of none.suggestions) expect(page(s.query, { kind: 'note' }).total).toBe(s.total);
  });

  it('reports options that fail the schema as issues instead of an empty page', () => {
    const result = searchPage(index, '公路', { limit: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['limit']);
  });
});
