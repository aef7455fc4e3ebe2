import type { IndexedPlace, PlaceLookups } from './index-places.js';
import { normalizeSearchText } from './normalize-text.js';
import type { SearchDoc } from './search-doc.js';

/**
 * Bumped whenever the serialised layout or the tokenisation changes. 2 (issue 17): traditional
 * characters fold to simplified, numbers and percentages are whole terms, the gazetteer is stored.
 */
export const SEARCH_INDEX_VERSION = 2;

/** The documents a term occurs in (ascending document numbers) and its weighted frequency in each. */
export interface Postings {
  readonly docs: Uint32Array;
  readonly tfs: Uint32Array;
}

/**
 * An inverted index of one report. Treat it as opaque: build it with createSearchIndex(), or
 * load it with loadSearchIndex(); search() reads only what is stored here, so a serialised
 * index ranks the same in any engine, whatever that engine's Intl.Segmenter does.
 */
export interface SearchIndex extends PlaceLookups {
  readonly version: typeof SEARCH_INDEX_VERSION;
  readonly docs: readonly SearchDoc[];
  /** Number of scored terms (bigrams, lone characters, letter/digit runs) per document. */
  readonly lengths: Uint32Array;
  readonly averageLength: number;
  /** Unigrams, bigrams and letter/digit runs → postings. */
  readonly postings: ReadonlyMap<string, Postings>;
  /** Whole CJK words Intl.Segmenter found at build time → ascending document numbers. */
  readonly words: ReadonlyMap<string, Uint32Array>;
  /** The places documents are tagged with, so a place's name and aliases find its measures. */
  readonly places: readonly IndexedPlace[];
  /** Whether the builder had (and used) Intl.Segmenter. */
  readonly segmented: boolean;
  /** Normalized document texts, filled on first use. */
  readonly normalizedCache: (string | undefined)[];
}

/** The normalized text of document `i`, computed once. */
export function normalizedDocText(index: SearchIndex, i: number): string {
  const cached = index.normalizedCache[i];
  if (cached !== undefined) return cached;
  const text = normalizeSearchText(index.docs[i]?.text ?? '');
  index.normalizedCache[i] = text;
  return text;
}

/** Whether a sorted list holds `value` (binary search). */
export function sortedHas(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Ascending numbers of the documents holding every term (none for no terms or an unknown one). */
export function docsWithAll(index: SearchIndex, terms: readonly string[]): Uint32Array {
  const lists: Uint32Array[] = [];
  for (const term of new Set(terms)) {
    const postings = index.postings.get(term);
    if (postings === undefined) return new Uint32Array(0);
    lists.push(postings.docs);
  }
  lists.sort((a, b) => a.length - b.length);
  const [rarest, ...rest] = lists;
  if (rarest === undefined) return new Uint32Array(0);
  if (rest.length === 0) return rarest;
  return rarest.filter((doc) => rest.every((list) => sortedHas(list, doc)));
}
