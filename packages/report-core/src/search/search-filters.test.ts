import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { search } from './search.js';
import { searchReport } from './search-report.fixture.js';
import type { SearchOptionsInput } from './search-schemas.js';

const index = createSearchIndex(searchReport());
const ids = (query: string, options: SearchOptionsInput): string[] =>
  search(index, query, options).map((h) => h.nodeId);

describe('search filters', () => {
  it('keeps the nodes of one chapter, named by id or by number', () => {
    expect(ids('光', { chapter: 'c1' })).toEqual(['s1', 'm1', 'm2']);
    expect(ids('光', { chapter: 2 })).toEqual(['m3']);
    expect(ids('光', { chapter: 3 })).toEqual([]);
  });

  it('keeps one kind or any of several kinds', () => {
    expect(ids('光', { kind: 'note' })).toEqual(['note-1']);
    expect(ids('光伏', { kind: ['section', 'note'] })).toEqual(['s1', 'note-1']);
    expect(ids('先进制造', { kind: 'chapter' })).toEqual(['c1']);
  });

  it('keeps measures with or without indicators', () => {
    expect(ids('光伏', { hasIndicators: true })).toEqual(['m1']);
    expect(ids('光伏', { hasIndicators: false })).toEqual(['m3']);
  });

  it('keeps measures naming a place', () => {
    expect(ids('光伏', { place: 'wutongqiao' })).toEqual(['m1']);
    expect(ids('光伏', { place: 'jiajiang' })).toEqual(['m3']);
    expect(ids('光伏', { place: 'nowhere' })).toEqual([]);
  });

  it('combines filters with AND', () => {
    expect(ids('光', { chapter: 1, kind: 'measure', hasIndicators: false })).toEqual(['m2']);
  });
});
