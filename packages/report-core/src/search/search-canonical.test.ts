import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { listMeasures } from '../model/query.js';
import { createSearchIndex } from './create-search-index.js';
import { markSnippet, plainText } from './mark-snippet.js';
import { search } from './search.js';
import type { SearchOptionsInput } from './search-schemas.js';

const index = createSearchIndex(canonicalReport);
const ids = (query: string, options: SearchOptionsInput = {}): string[] =>
  search(index, query, options).map((h) => h.nodeId);

describe('search over the canonical report', () => {
  it('finds the crystalline-silicon photovoltaic measure first for 光伏, with every 光伏 marked', () => {
    const [first] = search(index, '光伏');
    expect(first?.nodeId).toBe('m94');
    expect(first && markSnippet(first, '[', ']', plainText)).toMatch(
      /^以五通桥基地为核心，壮大晶硅\[光伏\]产业/u,
    );
  });

  it('finds m94 for 伏产, a substring across the words 光伏 and 产业', () => {
    expect(ids('伏产')[0]).toBe('m94');
  });

  it('finds the 210 km of new expressway for 210, typed half- or full-width', () => {
    expect(ids('210')).toEqual(['m38']);
    expect(ids('２１０')).toEqual(['m38']);
  });

  it('ranks the chapter titled 全面推进乡村振兴 first for 乡村振兴', () => {
    expect(ids('乡村振兴')[0]).toBe('c158');
  });

  it('filters by chapter id and number alike', () => {
    const byId = ids('产业', { chapter: 'c86', limit: 1000 });
    expect(byId.length).toBeGreaterThan(3);
    expect(ids('产业', { chapter: 2, limit: 1000 })).toEqual(byId);
    expect(
      search(index, '产业', { chapter: 2, limit: 1000 }).every((h) => h.chapterId === 'c86'),
    ).toBe(true);
  });

  it('filters by kind, indicators and place', () => {
    expect(
      search(index, '发展', { kind: 'note', limit: 1000 }).every((h) => h.kind === 'note'),
    ).toBe(true);
    const measures = new Map(listMeasures(canonicalReport).map((m) => [m.id, m]));
    const withTargets = ids('产业', { hasIndicators: true, limit: 1000 });
    expect(withTargets.length).toBeGreaterThan(0);
    expect(withTargets.every((id) => (measures.get(id)?.indicators.length ?? 0) > 0)).toBe(true);
    const withoutTargets = ids('产业', { hasIndicators: false, limit: 1000 });
    expect(withoutTargets.every((id) => measures.get(id)?.indicators.length === 0)).toBe(true);
    expect(ids('五通桥', { place: 'wutongqiao' }).sort()).toEqual(['m100', 'm94']);
    expect(ids('光伏', { place: 'wutongqiao', hasIndicators: true })).toEqual(['m94']);
  });

  it('returns [] for an empty or blank query', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, ' \t\u3000 ')).toEqual([]);
  });

  it('indexes every measure: each is found by its opening characters', () => {
    for (const m of listMeasures(canonicalReport)) {
      // Cut before any digit: a digit run is one term, so half of 300 would not find it.
      const opening = /^\p{Script=Han}{2,8}/u.exec(m.text)?.[0];
      expect(opening, m.id).toBeDefined();
      expect(ids(opening ?? '', { limit: 1000 })).toContain(m.id);
    }
  });
});
