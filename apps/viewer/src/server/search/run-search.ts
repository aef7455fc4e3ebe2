import { createSearchIndex, searchPage, serializeSearchIndex } from '@leshan/report-core/search';
import type { ValidationResult } from '@leshan/report-core';
import type { SearchHit, SearchIndex, SearchPage } from '@leshan/report-core/search';
import type { Edition } from '../../schemas.js';
import { hitHref } from '../../view/hit-href.js';
import type { SearchFiltersView } from '../../ui/islands/search-types.js';
import { searchOptionsOf } from '../../ui/islands/search-types.js';

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
export type LocatedPage = Omit<SearchPage, 'hits'> & { hits: LocatedHit[] };

/**
 * One page of ranked hits for the filters, with the total and, when nothing is found,
 * suggestions. An empty query finds nothing and suggests nothing.
 */
export function runSearch(
  edition: Edition,
  filters: SearchFiltersView,
): ValidationResult<LocatedPage> {
  const options = searchOptionsOf(filters);
  if (filters.q === '') {
    const { offset = 0, limit = 1 } = options;
    return { ok: true, value: { total: 0, offset, limit, hits: [], suggestions: [] } };
  }
  const result = searchPage(searchIndexFor(edition), filters.q, options);
  if (!result.ok) return result;
  const page = result.value;
  return {
    ok: true,
    value: { ...page, hits: page.hits.map((hit) => ({ ...hit, url: hitHref(hit) })) },
  };
}
