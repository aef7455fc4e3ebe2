import type { SearchKind, SnippetPart } from '@leshan/report-core/search';
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
  total: number;
  hits: HitView[];
  chapters: { number: number; label: string }[];
  kindLabels: Record<SearchKind, string>;
}

/** The query string of the filters, empty ones left out. */
export function searchQueryString(filters: SearchFiltersView): string {
  const params = new URLSearchParams();
  if (filters.q !== '') params.set('q', filters.q);
  if (filters.chapter !== undefined) params.set('chapter', String(filters.chapter));
  if (filters.kind !== undefined) params.set('kind', filters.kind);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
