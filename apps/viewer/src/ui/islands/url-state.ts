import type { SearchKind } from '@leshan/report-core/search';
import type { SearchFiltersView, SearchProps } from './search-types.js';

// A static host serves the same file for every query string, so a hydrated island reads its
// state from the address bar (issue 12). Only values the island's own controls offer are taken;
// anything else is ignored, as the form would never send it. No zod here: it stays off the
// phone's first load.

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === value);
const chapterIn = (value: string | null, chapters: readonly { number: number }[]) =>
  chapters.find((c) => String(c.number) === value)?.number;

const wholeIn = (value: string | null, min: number, max: number): number | undefined => {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};

/** The search filters a query string asks for. */
export function searchFiltersFromSearch(search: string, props: SearchProps): SearchFiltersView {
  const params = new URLSearchParams(search);
  const chapter = chapterIn(params.get('chapter'), props.chapters);
  const kind = oneOf(params.get('kind'), Object.keys(props.kindLabels) as SearchKind[]);
  const place = (params.get('place') ?? '').trim().slice(0, 100);
  const targets = oneOf(params.get('targets'), ['yes', 'no'] as const);
  // The pager's values (the API's bounds): a page past the first, a page size other than 20.
  const offset = wholeIn(params.get('offset'), 1, 10_000);
  const limit = wholeIn(params.get('limit'), 1, 100);
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    ...(chapter === undefined ? {} : { chapter }),
    ...(kind === undefined ? {} : { kind }),
    ...(place === '' ? {} : { place }),
    ...(targets === undefined ? {} : { targets }),
    ...(offset === undefined ? {} : { offset }),
    ...(limit === undefined ? {} : { limit }),
  };
}
