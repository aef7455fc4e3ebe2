import type { SearchDoc } from './search-doc.js';
import { normalizeSearchText } from './normalize-text.js';

/** Bumped whenever the serialised layout or the tokenisation changes. */
export const SEARCH_INDEX_VERSION = 1;

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
export interface SearchIndex {
  readonly version: typeof SEARCH_INDEX_VERSION;
  readonly docs: readonly SearchDoc[];
  /** Number of scored terms (bigrams, lone characters, letter/digit runs) per document. */
  readonly lengths: Uint32Array;
  readonly averageLength: number;
  /** Unigrams, bigrams and letter/digit runs → postings. */
  readonly postings: ReadonlyMap<string, Postings>;
  /** Whole CJK words Intl.Segmenter found at build time → ascending document numbers. */
  readonly words: ReadonlyMap<string, Uint32Array>;
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
