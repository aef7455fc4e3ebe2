import { describe, expect, it } from 'vitest';
import { createSearchIndex, createSearchIndexFromDocs } from './create-search-index.js';
import { search } from './search.js';
import type { SearchDoc } from './search-doc.js';
import { searchReport } from './search-report.fixture.js';
import { SearchHitSchema } from './search-schemas.js';

const index = createSearchIndex(searchReport());
const ids = (query: string, options = {}): string[] =>
  search(index, query, options).map((h) => h.nodeId);

describe('search', () => {
  it('finds a word and a substring spanning two words of the same text', () => {
    // issue 17: the note holds 光伏 as the measures do, so it comes after them.
    expect(ids('光伏')).toEqual(['s1', 'm1', 'm3', 'note-1']);
    expect(ids('伏产')).toEqual(['m1']);
  });

  it('finds digits and Latin, typed full-width or in any case', () => {
    expect(ids('210')).toEqual(['m3']);
    expect(ids('２１０')).toEqual(['m3']);
    expect(ids('5g')).toEqual(['m2']);
    expect(ids('2000')).toEqual(['m1']);
    // A run is a whole token: 21 is not 210.
    expect(ids('21')).toEqual([]);
  });

  it('matches one-character queries on that character', () => {
    expect(ids('电')).toEqual(['m2', 'm3', 'note-1']);
  });

  it('requires every whitespace-separated part to match', () => {
    expect(ids('光伏 公路')).toEqual(['m3']);
    expect(ids('光伏 不存在')).toEqual([]);
  });

  it('ranks a title above body text', () => {
    const text = '发展光伏产业。';
    const docs: SearchDoc[] = [
      { nodeId: 'm1', kind: 'measure', text, titleLength: 0, hasIndicators: false, places: [] },
      {
        nodeId: 's1',
        kind: 'section',
        text,
        titleLength: text.length,
        hasIndicators: false,
        places: [],
      },
    ];
    // Same text, same length: only the title weight puts the later section first.
    expect(search(createSearchIndexFromDocs(docs), '光伏').map((h) => h.nodeId)).toEqual([
      's1',
      'm1',
    ]);
    expect(ids('光伏')[0]).toBe('s1');
    expect(ids('经济')).toEqual(['g1']);
  });

  it('ranks a part found as written above its bigrams scattered, even in a much longer text', () => {
    // The ideology has 乡村振作…振兴: every bigram of 乡村振兴, but not the phrase.
    const hits = search(index, '乡村振兴');
    expect(hits.map((h) => h.nodeId)).toEqual(['m4', 'ideology']);
    expect(hits[0]?.score).toBeGreaterThanOrEqual(1);
    expect(hits[1]?.score).toBeLessThan(1);
  });

  it('breaks score ties by document order', () => {
    const doc: Omit<SearchDoc, 'nodeId'> = {
      kind: 'measure',
      text: '发展光伏产业。',
      titleLength: 0,
      hasIndicators: false,
      places: [],
    };
    const twins = createSearchIndexFromDocs(
      ['m9', 'm2', 'm5'].map((nodeId) => ({ ...doc, nodeId })),
    );
    const hits = search(twins, '光伏');
    expect(hits.map((h) => h.nodeId)).toEqual(['m9', 'm2', 'm5']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('lists hits by falling score', () => {
    const scores = search(index, '光').map((h) => h.score);
    expect(scores.length).toBeGreaterThan(3);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('returns hits that satisfy SearchHitSchema, with chapter and section where they exist', () => {
    const [hit] = search(index, '伏产');
    expect(SearchHitSchema.parse(hit)).toEqual(hit);
    expect(hit).toMatchObject({
      nodeId: 'm1',
      kind: 'measure',
      chapterId: 'c1',
      chapterNumber: 1,
      sectionId: 's1',
    });
    expect(search(index, '集群')[0]).toMatchObject({
      nodeId: 's1',
      kind: 'section',
      chapterId: 'c1',
      sectionId: 's1',
    });
    const [goal] = search(index, '经济');
    expect(goal?.kind).toBe('goal');
    expect(goal && 'chapterId' in goal).toBe(false);
  });

  it('returns [] for empty, blank and punctuation-only queries', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  \u3000\n')).toEqual([]);
    expect(search(index, '，。！')).toEqual([]);
  });

  it('pages with limit and offset over the same ranking', () => {
    const all = ids('光');
    expect(all.length).toBeGreaterThan(3);
    expect(ids('光', { limit: 2 })).toEqual(all.slice(0, 2));
    expect(ids('光', { limit: 2, offset: 2 })).toEqual(all.slice(2, 4));
    expect(ids('光', { offset: 100 })).toEqual([]);
  });

  it('returns [] rather than throwing for options that fail the schema', () => {
    expect(search(index, '光伏', { limit: 0 })).toEqual([]);
    expect(search(index, '光伏', { chapter: 'Not An Id' })).toEqual([]);
  });

  it('finds the same hits in the same order when built without Intl.Segmenter', () => {
    const plain = createSearchIndex(searchReport(), { segmenter: false });
    expect(plain.segmented).toBe(false);
    expect(plain.words.size).toBe(0);
    for (const query of ['光伏', '伏产', '210', '5G', '电', '乡村振兴', '光伏 公路', '经济']) {
      expect(search(plain, query).map((h) => h.nodeId)).toEqual(ids(query));
    }
  });
});
