import { parseQuery } from './parse-query.js';
import type { Ranked } from './rank.js';
import { rankDocuments } from './rank.js';
import type { ResolvedPart } from './resolve-query.js';
import { resolveQuery } from './resolve-query.js';
import type { SearchDoc } from './search-doc.js';
import type { SearchIndex } from './search-index.js';
import type { SearchOptions } from './search-schemas.js';

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

/** Every hit of a query under checked options, best first (ties in document order), with the parts as resolved. */
export function rankQuery(
  index: SearchIndex,
  query: unknown,
  options: SearchOptions,
): { parts: ResolvedPart[]; ranked: Ranked[] } {
  const parts = resolveQuery(index, parseQuery(query));
  if (parts.length === 0) return { parts, ranked: [] };
  const accept = acceptsDoc(options);
  const ranked = rankDocuments(index, parts, (n) => {
    const doc = index.docs[n];
    return doc !== undefined && accept(doc);
  });
  // Array.prototype.sort is stable and `ranked` is in document order, so equal scores keep it.
  ranked.sort((a, b) => b.score - a.score);
  return { parts, ranked };
}
