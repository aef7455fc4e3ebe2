import type { QueryPart } from './parse-query.js';
import type { SearchIndex } from './search-index.js';
import { docsWithAll } from './search-index.js';
import { queryTerms, splitRuns } from './tokenize.js';

/** A word of a query part as search looks for it. */
export interface QueryWord {
  /** Normalized text. */
  text: string;
  /** Its index terms (bigrams, a lone character, whole letter/digit runs). */
  terms: string[];
  /** Ascending numbers of the documents holding every term. */
  docs: Uint32Array;
  /** The places the word names (五通桥区, or an alias such as 五通桥). */
  placeIds: readonly string[];
  /** Texts that count as the word found as written: itself and the names of its places. */
  needles: readonly string[];
  /** The index terms of each needle (BM25 of a tagged text that names the place by an alias). */
  needleTerms: readonly (readonly string[])[];
  /** Its length in code points, what a found word adds to its part's coverage. */
  size: number;
}

/** Where a word stands in its part: code points [start, end). */
export interface WordSpan {
  word: number;
  start: number;
  end: number;
}

/**
 * One whitespace-separated part, resolved against the index. `whole`: the part is looked for
 * as written (as one word). `split`: no document holds it whole, so it was cut into the words
 * of the index it holds (乐山机场建设 → 乐山机场 乐山 机场 建设), and a document matches with
 * any of them, ranked by how much of the part they cover, each character weighted by the
 * rarity of the rarest word over it (高速公路 counts for more than 建设).
 */
export interface ResolvedPart {
  text: string;
  mode: 'whole' | 'split';
  words: QueryWord[];
  /** Split parts: where each word stands, and the weight of each code point of the part. */
  spans: WordSpan[];
  weights: number[];
}

/** Longest word tried when cutting a part; longer names are rare and each try is a map look-up. */
const MAX_WORD = 12;
/** Characters of a part cut into words: a pasted paragraph is not worth a million look-ups. */
const MAX_SPLIT_CHARS = 256;

function queryWord(index: SearchIndex, text: string): QueryWord {
  const terms = queryTerms(text);
  const placeIds = index.placesByName.get(text) ?? [];
  const needles = new Set([text]);
  for (const id of placeIds) for (const name of index.placeNames.get(id) ?? []) needles.add(name);
  return {
    text,
    terms,
    docs: docsWithAll(index, terms),
    placeIds,
    needles: [...needles],
    needleTerms: [...needles].map(queryTerms),
    size: [...text].length,
  };
}

/**
 * The index's words a part holds, with where: every place name and segmented word in it, then
 * indexed bigrams over what those leave uncovered (greedy, left to right), and whole letter or
 * digit runs. A character that starts none is dropped: alone it would match nearly everything.
 */
export function splitIntoWords(
  index: SearchIndex,
  text: string,
): { word: string; start: number; end: number }[] {
  const found: { word: string; start: number; end: number }[] = [];
  const head = text.slice(0, MAX_SPLIT_CHARS);
  const points = [...head];
  let offset = 0;
  for (const run of splitRuns(head)) {
    // Runs come in order and start with a letter, digit or ideograph, never a separator: the
    // first such code point from the end of the last run is where this one starts.
    const joined = run.chars.join('');
    const start = points.indexOf(run.chars[0] ?? '', offset);
    offset = start + run.chars.length;
    if (run.cls === 'word') {
      found.push({ word: joined + (run.percent ?? ''), start, end: offset });
      continue;
    }
    const { chars } = run;
    const covered = new Array<boolean>(chars.length).fill(false);
    for (let at = 0; at < chars.length; at += 1) {
      for (let size = 2; size <= Math.min(MAX_WORD, chars.length - at); size += 1) {
        const word = chars.slice(at, at + size).join('');
        if (!index.placesByName.has(word) && !index.words.has(word)) continue;
        found.push({ word, start: start + at, end: start + at + size });
        covered.fill(true, at, at + size);
      }
    }
    for (let at = 0; at + 1 < chars.length; at += 1) {
      if (covered[at] === true || covered[at + 1] === true) continue;
      const pair = `${chars[at] ?? ''}${chars[at + 1] ?? ''}`;
      if (!index.postings.has(pair)) continue;
      found.push({ word: pair, start: start + at, end: start + at + 2 });
      at += 1;
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function idf(index: SearchIndex, word: QueryWord): number {
  const tagged = word.placeIds.reduce((sum, id) => sum + (index.placeDocs.get(id)?.length ?? 0), 0);
  const df = Math.max(word.docs.length, tagged);
  const n = index.docs.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function hasPlaceDocs(index: SearchIndex, word: QueryWord): boolean {
  return word.placeIds.some((id) => (index.placeDocs.get(id)?.length ?? 0) > 0);
}

function splitPart(index: SearchIndex, text: string): ResolvedPart | undefined {
  const found = splitIntoWords(index, text).filter((f) => f.word !== text);
  if (found.length === 0) return undefined;
  const words: QueryWord[] = [];
  const numbers = new Map<string, number>();
  const spans: WordSpan[] = found.map((f) => {
    let n = numbers.get(f.word);
    if (n === undefined) {
      n = words.length;
      numbers.set(f.word, n);
      words.push(queryWord(index, f.word));
    }
    return { word: n, start: f.start, end: f.end };
  });
  const weights = new Array<number>([...text].length).fill(0);
  for (const span of spans) {
    const word = words[span.word];
    const weight = word === undefined ? 0 : idf(index, word);
    for (let at = span.start; at < span.end; at += 1)
      weights[at] = Math.max(weights[at] ?? 0, weight);
  }
  return { text, mode: 'split', words, spans, weights };
}

/** Each part as a whole word if any document holds it, else cut into the words it is made of. */
export function resolveQuery(index: SearchIndex, parts: readonly QueryPart[]): ResolvedPart[] {
  return parts.map((part) => {
    const whole = queryWord(index, part.text);
    const asWhole: ResolvedPart = {
      text: part.text,
      mode: 'whole',
      words: [whole],
      spans: [],
      weights: [],
    };
    if (whole.docs.length > 0 || hasPlaceDocs(index, whole)) return asWhole;
    // No word of it is in the index either: keep the whole part, which matches nothing.
    return splitPart(index, part.text) ?? asWhole;
  });
}
