import { parseQuery } from './parse-query.js';
import { rankDocuments } from './rank.js';
import type { SearchDoc } from './search-doc.js';
import type { SearchIndex } from './search-index.js';
import type { SearchHit, SearchOptions, SearchOptionsInput } from './search-schemas.js';
import { SearchOptionsSchema } from './search-schemas.js';
import { makeSnippet } from './snippet.js';

function acceptsDoc(options: SearchOptions): (doc: SearchDoc) => boolean {
  const { chapter, kind, hasIndicators, place } = options;
  const kinds = kind === undefined ? undefined : new Set(Array.isArray(kind) ? kind : [kind]);
  return (doc) => {
    if (kinds !== undefined && !kinds.has(doc.kind)) return false;
    if (chapter !== undefined && doc.chapterId !== chapter && doc.chapterNumber !== chapter)
      return false;
    // Indicators and places belong to measures: asking about them leaves only measures.
    if (
      hasIndicators !== undefined &&
      (doc.kind !== 'measure' || doc.hasIndicators !== hasIndicators)
    )
      return false;
    if (place !== undefined && (doc.kind !== 'measure' || !doc.places.includes(place)))
      return false;
    return true;
  };
}

function toHit(doc: SearchDoc, score: number, snippet: ReturnType<typeof makeSnippet>): SearchHit {
  const hit: SearchHit = { nodeId: doc.nodeId, kind: doc.kind, score, ...snippet };
  if (doc.chapterId !== undefined) hit.chapterId = doc.chapterId;
  if (doc.chapterNumber !== undefined) hit.chapterNumber = doc.chapterNumber;
  if (doc.sectionId !== undefined) hit.sectionId = doc.sectionId;
  return hit;
}

/**
 * Ranked hits for a query: whitespace separates parts that must all match; a part matches a
 * text holding all its bigrams (or its one character, or its letter/digit runs). Ranked by
 * BM25 with boosts for exact phrases, whole words and titles; ties keep document order.
 * Never throws: an empty, punctuation-only or non-string query, or options that fail
 * SearchOptionsSchema (check them with parseSearchOptions), give [].
 */
export function search(
  index: SearchIndex,
  query: string,
  options: SearchOptionsInput = {},
): SearchHit[] {
  const parsed = SearchOptionsSchema.safeParse(options);
  if (!parsed.success) return [];
  const parts = parseQuery(query);
  if (parts.length === 0) return [];
  const accept = acceptsDoc(parsed.data);
  const ranked = rankDocuments(index, parts, (n) => {
    const doc = index.docs[n];
    return doc !== undefined && accept(doc);
  });
  // Array.prototype.sort is stable and `ranked` is in document order, so equal scores keep it.
  ranked.sort((a, b) => b.score - a.score);
  const { offset, limit, snippetLength } = parsed.data;
  const hits: SearchHit[] = [];
  for (const { doc: n, score } of ranked.slice(offset, offset + limit)) {
    const doc = index.docs[n];
    if (doc !== undefined)
      hits.push(toHit(doc, score, makeSnippet(doc.text, parts, snippetLength)));
  }
  return hits;
}
