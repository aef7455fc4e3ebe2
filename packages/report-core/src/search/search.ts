import type { ValidationResult } from '../model/validate.js';
import { parseQuery } from './parse-query.js';
import { rankQuery } from './run-query.js';
import type { SearchDoc } from './search-doc.js';
import type { SearchIndex } from './search-index.js';
import type { SearchHit, SearchOptions, SearchOptionsInput, SearchPage } from './search-schemas.js';
import { SearchOptionsSchema, parseSearchOptions } from './search-schemas.js';
import { makeSnippet, snippetWords } from './snippet.js';
import { suggestQueries } from './suggest.js';

function toHit(doc: SearchDoc, score: number, snippet: ReturnType<typeof makeSnippet>): SearchHit {
  const hit: SearchHit = { nodeId: doc.nodeId, kind: doc.kind, score, ...snippet };
  if (doc.chapterId !== undefined) hit.chapterId = doc.chapterId;
  if (doc.chapterNumber !== undefined) hit.chapterNumber = doc.chapterNumber;
  if (doc.sectionId !== undefined) hit.sectionId = doc.sectionId;
  return hit;
}

function pageOf(
  index: SearchIndex,
  query: unknown,
  options: SearchOptions,
): { total: number; hits: SearchHit[] } {
  const { parts, ranked } = rankQuery(index, query, options);
  const { offset, limit, snippetLength } = options;
  const words = snippetWords(parts);
  const hits: SearchHit[] = [];
  for (const { doc: n, score } of ranked.slice(offset, offset + limit)) {
    const doc = index.docs[n];
    if (doc !== undefined)
      hits.push(toHit(doc, score, makeSnippet(doc.text, words, snippetLength)));
  }
  return { total: ranked.length, hits };
}

/**
 * Ranked hits for a query. Whitespace separates parts that must all match. A part is looked
 * for as written (a text holding all its bigrams, its one character, or its whole letter/digit
 * runs: 6% is a percentage, never the 6 of 196); a part no text holds is cut into the index's
 * words (乐山机场建设 → 乐山机场 建设) and matches texts holding any, ranked by how much of it
 * they hold. A place's name or alias also finds the measures tagged with it; traditional
 * characters find simplified ones. Ranked by how much of the query is found as written, then
 * BM25 with boosts for titles and whole words, editorial notes after other hits that match
 * as well; ties keep document order. Never throws: an empty, punctuation-only or non-string
 * query, or options that fail SearchOptionsSchema (check them with parseSearchOptions), give [].
 */
export function search(
  index: SearchIndex,
  query: string,
  options: SearchOptionsInput = {},
): SearchHit[] {
  const parsed = SearchOptionsSchema.safeParse(options);
  if (!parsed.success) return [];
  return pageOf(index, query, parsed.data).hits;
}

/**
 * One page of search() with the total before paging; when nothing is found, suggestions
 * (shorter queries, nearby words of the report) that find something with the same filters.
 * Options that fail SearchOptionsSchema give bilingual issues.
 */
export function searchPage(
  index: SearchIndex,
  query: string,
  options: SearchOptionsInput = {},
): ValidationResult<SearchPage> {
  const parsed = parseSearchOptions(options);
  if (!parsed.ok) return parsed;
  const checked = parsed.value;
  const { total, hits } = pageOf(index, query, checked);
  const suggestions =
    total > 0
      ? []
      : suggestQueries(index, parseQuery(query), (q) => rankQuery(index, q, checked).ranked.length);
  return {
    ok: true,
    value: { total, offset: checked.offset, limit: checked.limit, hits, suggestions },
  };
}
