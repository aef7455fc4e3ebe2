import { describe, expect, it } from 'vitest';
import type { SearchProps } from './search-types.js';
import { searchQueryString } from './search-types.js';
import { searchFiltersFromSearch } from './url-state.js';

const props = {
  chapters: [{ number: 1, label: '第一章' }],
  kindLabels: {
    measure: '举措',
    section: '节',
    chapter: '章',
    goal: '目标',
    ideology: '指导思想',
    note: '说明',
  },
} as unknown as SearchProps;

describe('the search filters read from the address bar', () => {
  it('issue 12: keep the page of a paged search (a hydrated page 2 went back to page 1 and lost ?offset)', () => {
    const search = `?q=${encodeURIComponent('建设')}&offset=20&limit=10&chapter=1&targets=yes&place=wutongqiao`;
    const filters = searchFiltersFromSearch(search, props);
    expect(filters).toEqual({
      q: '建设',
      chapter: 1,
      offset: 20,
      limit: 10,
      targets: 'yes',
      place: 'wutongqiao',
    });
    expect(searchQueryString(filters)).toContain('offset=20');
  });

  it('leave out values the pager never sends', () => {
    const filters = searchFiltersFromSearch(
      '?q=x&offset=-5&limit=1000&chapter=9&targets=maybe',
      props,
    );
    expect(filters).toEqual({ q: 'x' });
  });
});
