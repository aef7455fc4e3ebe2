import type { QueryPart } from './parse-query.js';
import type { SearchIndex } from './search-index.js';
import type { SearchSuggestion } from './search-schemas.js';
import { splitRuns } from './tokenize.js';

const MAX_SUGGESTIONS = 5;
/** Nearby words checked for hits at most: each check is a search. */
const MAX_NEARBY_CHECKS = 20;

interface Candidate {
  word: string;
  shared: number;
  bigram: boolean;
  docs: number;
}

function hanChars(text: string): string[] {
  const chars = new Set<string>();
  for (const run of splitRuns(text)) if (run.cls === 'cjk') for (const c of run.chars) chars.add(c);
  return [...chars];
}

const NUMBER = /^(\d+(?:\.\d+)?)(%?)$/u;

/** For a number or percentage: the indexed ones of the same kind, closest in value first. */
function nearbyNumbers(index: SearchIndex, text: string): string[] {
  const asked = NUMBER.exec(text);
  if (asked === null) return [];
  const value = Number(asked[1]);
  const percent = asked[2];
  const numbers: { term: string; distance: number }[] = [];
  for (const term of index.postings.keys()) {
    const m = NUMBER.exec(term);
    if (m === null || m[2] !== percent || term === text) continue;
    numbers.push({ term, distance: Math.abs(Number(m[1]) - value) });
  }
  numbers.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1));
  return numbers.slice(0, MAX_NEARBY_CHECKS).map((n) => n.term);
}

/** The index's words: segmented words and place names, or its CJK bigrams when it has no words. */
function vocabulary(index: SearchIndex): Map<string, number> {
  const words = new Map<string, number>();
  for (const [word, docs] of index.words) words.set(word, docs.length);
  for (const [name, ids] of index.placesByName) {
    const docs = ids.reduce((sum, id) => sum + (index.placeDocs.get(id)?.length ?? 0), 0);
    words.set(name, Math.max(words.get(name) ?? 0, docs));
  }
  if (index.words.size === 0) {
    for (const [term, postings] of index.postings)
      if ([...term].length === 2 && splitRuns(term)[0]?.cls === 'cjk')
        words.set(term, postings.docs.length);
  }
  return words;
}

/** Words of the report sharing characters with a part: most shared first, then a shared pair, then the commonest. */
function nearbyWords(index: SearchIndex, text: string): string[] {
  const chars = hanChars(text);
  if (chars.length === 0) return nearbyNumbers(index, text);
  const pairs = new Set<string>();
  const cs = [...text];
  for (let i = 0; i + 1 < cs.length; i += 1) pairs.add(`${cs[i] ?? ''}${cs[i + 1] ?? ''}`);
  const candidates: Candidate[] = [];
  for (const [word, docs] of vocabulary(index)) {
    if (word === text) continue;
    const shared = chars.filter((c) => word.includes(c)).length;
    if (shared === 0) continue;
    const bigram = [...pairs].some((p) => word.includes(p));
    candidates.push({ word, shared, bigram, docs });
  }
  candidates.sort(
    (a, b) =>
      b.shared - a.shared ||
      Number(b.bigram) - Number(a.bigram) ||
      b.docs - a.docs ||
      a.word.length - b.word.length ||
      (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
  return candidates.slice(0, MAX_NEARBY_CHECKS).map((c) => c.word);
}

/**
 * What to try when a query finds nothing: the query with one part left out (when it has
 * several), then the query with a part that finds nothing alone replaced by a nearby word of
 * the report (sharing characters with it; for a number, the closest indexed number of its
 * kind). Each suggestion is checked with `count` (the same filters), so every one finds something.
 */
export function suggestQueries(
  index: SearchIndex,
  parts: readonly QueryPart[],
  count: (query: string) => number,
): SearchSuggestion[] {
  const suggestions: SearchSuggestion[] = [];
  const seen = new Set<string>();
  const offer = (query: string, reason: SearchSuggestion['reason']): void => {
    if (suggestions.length >= MAX_SUGGESTIONS || seen.has(query)) return;
    seen.add(query);
    const total = count(query);
    if (total > 0) suggestions.push({ query, reason, total });
  };
  if (parts.length > 1)
    parts.forEach((_, i) =>
      offer(
        parts
          .filter((_p, j) => j !== i)
          .map((p) => p.text)
          .join(' '),
        'shorter',
      ),
    );
  parts.forEach((part, i) => {
    if (parts.length > 1 && count(part.text) > 0) return;
    for (const word of nearbyWords(index, part.text)) {
      const texts = parts.map((p, j) => (j === i ? word : p.text));
      offer(texts.join(' '), 'nearby');
    }
  });
  return suggestions;
}
