import type {
  SearchKind,
  SearchOptionsInput,
  SearchSuggestion,
  SnippetPart,
} from '@leshan/report-core/search';
import type { Lang } from '../i18n.js';

/** A hit as the page shows it: where it is and its snippet already cut into marked runs. */
export interface HitView {
  nodeId: string;
  kind: SearchKind;
  chapterNumber?: number;
  sectionId?: string;
  parts: SnippetPart[];
}

export interface SearchFiltersView {
  q: string;
  chapter?: number;
  kind?: SearchKind;
  place?: string;
  targets?: 'yes' | 'no';
  /** Hits skipped (paging); absent on the first page. */
  offset?: number;
  /** Hits per page, when not the default. */
  limit?: number;
}

/** One page of results as the page shows it. */
export interface SearchResultsView {
  q: string;
  total: number;
  offset: number;
  limit: number;
  hits: HitView[];
  /** Only when nothing was found: queries that find something. */
  suggestions: SearchSuggestion[];
}

/** Everything the search island needs; serialized into the page for hydration. */
export interface SearchProps {
  lang: Lang;
  /** /search or /en/search. */
  action: string;
  /** '' or '/en', put before site paths in links. */
  prefix: string;
  /** The edition's serialized search index, fetched the first time someone types. */
  indexHref: string;
  filters: SearchFiltersView;
  results: SearchResultsView;
  chapters: { number: number; label: string }[];
  kindLabels: Record<SearchKind, string>;
}

/** Hits a page shows unless the address asks for another number. */
export const SEARCH_PAGE_SIZE = 20;

/** The query string of the filters, empty ones (and the first page's offset) left out. */
export function searchQueryString(filters: SearchFiltersView): string {
  const params = new URLSearchParams();
  if (filters.q !== '') params.set('q', filters.q);
  if (filters.chapter !== undefined) params.set('chapter', String(filters.chapter));
  if (filters.kind !== undefined) params.set('kind', filters.kind);
  if (filters.place !== undefined) params.set('place', filters.place);
  if (filters.targets !== undefined) params.set('targets', filters.targets);
  if (filters.limit !== undefined && filters.limit !== SEARCH_PAGE_SIZE)
    params.set('limit', String(filters.limit));
  if (filters.offset !== undefined && filters.offset > 0)
    params.set('offset', String(filters.offset));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Report-core's search options for the filters: one page of them. */
export function searchOptionsOf(filters: SearchFiltersView): SearchOptionsInput {
  return {
    ...(filters.chapter === undefined ? {} : { chapter: filters.chapter }),
    ...(filters.kind === undefined ? {} : { kind: filters.kind }),
    ...(filters.place === undefined ? {} : { place: filters.place }),
    ...(filters.targets === undefined ? {} : { hasIndicators: filters.targets === 'yes' }),
    offset: filters.offset ?? 0,
    limit: filters.limit ?? SEARCH_PAGE_SIZE,
  };
}
