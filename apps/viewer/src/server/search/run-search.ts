import { createSearchIndex, search, serializeSearchIndex } from '@leshan/report-core/search';
import type { SearchHit, SearchIndex, SearchOptionsInput } from '@leshan/report-core/search';
import type { Edition } from '../../schemas.js';
import { hitHref } from '../../view/hit-href.js';
import type { SearchFilters } from '../api/search-schemas.js';

const indexes = new Map<string, SearchIndex>();
const serialized = new Map<string, string>();

// Keep the newest few editions' indexes: old editions are rarely searched.
function evictOldest(map: Map<string, unknown>): void {
  if (map.size <= 8) return;
  const oldest = map.keys().next();
  if (oldest.done !== true) map.delete(oldest.value);
}

/** The search index of an edition, built once per content hash (editions never change). */
export function searchIndexFor(edition: Edition): SearchIndex {
  let index = indexes.get(edition.hash);
  if (index === undefined) {
    index = createSearchIndex(edition.report);
    indexes.set(edition.hash, index);
    evictOldest(indexes);
  }
  return index;
}

/** The index as JSON for the browser, cached like the index. */
export function serializedIndexFor(edition: Edition): string {
  let json = serialized.get(edition.hash);
  if (json === undefined) {
    json = serializeSearchIndex(searchIndexFor(edition));
    serialized.set(edition.hash, json);
    evictOldest(serialized);
  }
  return json;
}

export type LocatedHit = SearchHit & { url: string };

/** Report-core's search options for the viewer's filters. */
export function searchOptions(filters: SearchFilters): SearchOptionsInput {
  return {
    ...(filters.chapter === undefined ? {} : { chapter: filters.chapter }),
    ...(filters.kind === undefined ? {} : { kind: filters.kind }),
    ...(filters.place === undefined ? {} : { place: filters.place }),
    ...(filters.targets === undefined ? {} : { hasIndicators: filters.targets === 'yes' }),
  };
}

/** Ranked hits for the filters, one page of them, and how many there are in all. */
export function runSearch(
  edition: Edition,
  filters: SearchFilters,
): { total: number; hits: LocatedHit[] } {
  if (filters.q === '') return { total: 0, hits: [] };
  const all = search(searchIndexFor(edition), filters.q, {
    ...searchOptions(filters),
    limit: 1000,
  });
  const page = all.slice(filters.offset, filters.offset + filters.limit);
  return { total: all.length, hits: page.map((hit) => ({ ...hit, url: hitHref(hit) })) };
}
