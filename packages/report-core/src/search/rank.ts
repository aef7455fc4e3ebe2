import type { ResolvedPart, QueryWord } from './resolve-query.js';
import type { Postings, SearchIndex } from './search-index.js';
import { normalizedDocText, sortedHas } from './search-index.js';
import { indexOfWhole } from './tokenize.js';

// Okapi BM25 defaults; documents here are short paragraphs, where they work well.
const K1 = 1.2;
const B = 0.75;
/** A word that is a whole word in the text (Intl.Segmenter at build time), not part of one. */
export const WORD_BOOST = 1.2;
/**
 * Editorial notes take the lower half of the relevance band, other hits the upper: a note comes
 * after every hit that holds as much of the query as written, and before one only if it holds
 * more (issue 17: 公路 ranked note-11 above every measure).
 */
export const NOTE_SHARE = 0.5;

export interface Ranked {
  doc: number;
  score: number;
}

function weight(index: SearchIndex, postings: Postings, doc: number, tf: number): number {
  const n = index.docs.length;
  const df = postings.docs.length;
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const norm = index.averageLength === 0 ? 1 : (index.lengths[doc] ?? 0) / index.averageLength;
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + B * norm));
}

function lowerBound(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ascending union of sorted lists. */
function union(lists: readonly Uint32Array[]): Uint32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? new Uint32Array(0);
  const all = new Uint32Array(nonEmpty.reduce((sum, l) => sum + l.length, 0));
  let at = 0;
  for (const list of nonEmpty) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  return all.filter((doc, i) => i === 0 || all[i - 1] !== doc);
}

function taggedDocs(index: SearchIndex, word: QueryWord): Uint32Array[] {
  return word.placeIds.map((id) => index.placeDocs.get(id) ?? new Uint32Array(0));
}

/** The documents a part matches: those holding all terms of one of its words, or tagged with its place. */
function partDocs(index: SearchIndex, part: ResolvedPart): Uint32Array {
  return union(part.words.flatMap((w) => [w.docs, ...taggedDocs(index, w)]));
}

function bm25Of(index: SearchIndex, terms: readonly string[], doc: number): number {
  let score = 0;
  for (const term of new Set(terms)) {
    const postings = index.postings.get(term);
    if (postings === undefined) continue;
    const at = lowerBound(postings.docs, doc);
    if (postings.docs[at] === doc) score += weight(index, postings, doc, postings.tfs[at] ?? 0);
  }
  return score;
}

/** Whether the document holds the word (all its terms), is tagged with its place, or names it as written. */
function wordMatch(
  index: SearchIndex,
  word: QueryWord,
  doc: number,
  text: string,
): { matched: boolean; exact: boolean; relevance: number } {
  const holds = sortedHas(word.docs, doc);
  const tagged = word.placeIds.some((id) => {
    const docs = index.placeDocs.get(id);
    return docs !== undefined && sortedHas(docs, doc);
  });
  if (!holds && !tagged) return { matched: false, exact: false, relevance: 0 };
  let relevance = 0;
  let exact = tagged;
  word.needles.forEach((needle, i) => {
    if (indexOfWhole(text, needle) < 0) return;
    exact = true;
    // A tagged text may name the place by an alias only: score that name.
    if (!holds) relevance = Math.max(relevance, bm25Of(index, word.needleTerms[i] ?? [], doc));
  });
  if (holds) {
    relevance = bm25Of(index, word.terms, doc);
    const whole = index.words.get(word.text);
    if (whole !== undefined && sortedHas(whole, doc)) relevance *= WORD_BOOST;
  }
  return { matched: true, exact, relevance };
}

/** How much of the part the document holds as written (0–1), and its BM25 over the part's terms. */
function scorePart(
  index: SearchIndex,
  part: ResolvedPart,
  doc: number,
  text: string,
): { found: number; relevance: number } {
  let relevance = 0;
  const exact = part.words.map((word) => {
    const match = wordMatch(index, word, doc, text);
    relevance += match.relevance;
    return match.exact;
  });
  if (part.mode === 'whole') return { found: exact.some(Boolean) ? 1 : 0, relevance };
  const covered = new Array<boolean>(part.weights.length).fill(false);
  for (const span of part.spans)
    if (exact[span.word] === true) covered.fill(true, span.start, span.end);
  let total = 0;
  let found = 0;
  part.weights.forEach((w, at) => {
    total += w;
    if (covered[at] === true) found += w;
  });
  return { found: total === 0 ? 0 : found / total, relevance };
}

/**
 * Documents matching every part, in document order (sorting is the caller's). Score: how much
 * of each part the text holds as written (1 per part; a split part counts the weighted share of
 * its characters covered by words found), plus BM25 over the terms (title terms weighted, whole words boosted) squashed
 * into the relevance band of the document's kind (see NOTE_SHARE).
 */
export function rankDocuments(
  index: SearchIndex,
  parts: readonly ResolvedPart[],
  accept: (doc: number) => boolean,
): Ranked[] {
  const sets = parts.map((part) => partDocs(index, part)).sort((a, b) => a.length - b.length);
  const [smallest, ...rest] = sets;
  if (smallest === undefined) return [];
  const ranked: Ranked[] = [];
  for (const doc of smallest) {
    if (!accept(doc) || !rest.every((set) => sortedHas(set, doc))) continue;
    const text = normalizedDocText(index, doc);
    let found = 0;
    let relevance = 0;
    for (const part of parts) {
      const scored = scorePart(index, part, doc, text);
      found += scored.found;
      relevance += scored.relevance;
    }
    const squashed = relevance / (1 + relevance);
    const band =
      index.docs[doc]?.kind === 'note'
        ? squashed * NOTE_SHARE
        : NOTE_SHARE + squashed * (1 - NOTE_SHARE);
    ranked.push({ doc, score: found + band });
  }
  return ranked;
}
