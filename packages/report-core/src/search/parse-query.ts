import { normalizeSearchText } from './normalize-text.js';
import { queryTerms } from './tokenize.js';

/** One whitespace-separated part of a query; every part must match (AND). */
export interface QueryPart {
  /** The normalized part, looked for as an exact phrase for the ranking boost. */
  text: string;
  /** Index terms that must all occur in a document for it to match. */
  terms: string[];
}

/**
 * Splits a query into parts after NFKC, full-width → half-width and case folding. Parts with
 * no letters, digits or CJK characters (bare punctuation, symbols) are dropped; repeats are merged.
 */
export function parseQuery(query: unknown): QueryPart[] {
  if (typeof query !== 'string') return [];
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  for (const text of normalizeSearchText(query).split(/\s+/u)) {
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const terms = queryTerms(text);
    if (terms.length > 0) parts.push({ text, terms });
  }
  return parts;
}
