import type { QueryPart } from './parse-query.js';
import type { Postings, SearchIndex } from './search-index.js';
import { normalizedDocText, sortedHas } from './search-index.js';

// Okapi BM25 defaults; documents here are short paragraphs, where they work well.
const K1 = 1.2;
const B = 0.75;
/** A part that is a whole word in the text (Intl.Segmenter at build time), not part of one. */
export const WORD_BOOST = 1.2;

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

function lowerBound(sorted: Uint32Array, value: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the candidates that also hold `postings`, adding its weight; linear in the shorter side's cost. */
function intersect(index: SearchIndex, candidates: Ranked[], postings: Postings): Ranked[] {
  const kept: Ranked[] = [];
  let at = 0;
  for (const candidate of candidates) {
    at = lowerBound(postings.docs, candidate.doc, at);
    if (at >= postings.docs.length) break;
    if (postings.docs[at] === candidate.doc) {
      candidate.score += weight(index, postings, candidate.doc, postings.tfs[at] ?? 0);
      kept.push(candidate);
    }
  }
  return kept;
}

/**
 * Documents holding every term of every part, in document order (sorting is the caller's). Score:
 * the number of parts found as exact phrases, plus BM25 over the terms (title terms weighted,
 * whole words boosted) squashed into [0, 1).
 */
export function rankDocuments(
  index: SearchIndex,
  parts: readonly QueryPart[],
  accept: (doc: number) => boolean,
): Ranked[] {
  const lists: Postings[] = [];
  for (const term of new Set(parts.flatMap((p) => p.terms))) {
    const postings = index.postings.get(term);
    if (postings === undefined) return [];
    lists.push(postings);
  }
  lists.sort((a, b) => a.docs.length - b.docs.length);
  const [rarest, ...rest] = lists;
  if (rarest === undefined) return [];
  let candidates: Ranked[] = [];
  rarest.docs.forEach((doc, i) => {
    if (accept(doc))
      candidates.push({ doc, score: weight(index, rarest, doc, rarest.tfs[i] ?? 0) });
  });
  for (const postings of rest) {
    if (candidates.length === 0) return [];
    candidates = intersect(index, candidates, postings);
  }
  for (const candidate of candidates) {
    const text = normalizedDocText(index, candidate.doc);
    let phrases = 0;
    for (const part of parts) {
      if (text.includes(part.text)) phrases += 1;
      const words = index.words.get(part.text);
      if (words !== undefined && sortedHas(words, candidate.doc)) candidate.score *= WORD_BOOST;
    }
    // The phrase boost is a tier: a text holding more parts as written always outranks one holding
    // their bigrams scattered (乡村振兴 vs 乡村振作…振兴), however BM25 weighs their lengths.
    candidate.score = phrases + candidate.score / (1 + candidate.score);
  }
  return candidates;
}
