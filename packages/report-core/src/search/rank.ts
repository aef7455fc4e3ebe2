import type { QueryWord, ResolvedPart } from './resolve-query.js';
import type { Postings, SearchIndex } from './search-index.js';
import { normalizedDocText } from './search-index.js';
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

const EMPTY = new Uint32Array(0);

/**
 * Membership and position in a sorted list for documents asked in ascending order: each look-up
 * is a binary search from where the last one stopped, so a walk costs no more than a merge.
 */
class Cursor {
  private at = 0;
  constructor(readonly docs: Uint32Array) {}

  /** Where `doc` is in the list, or -1. */
  find(doc: number): number {
    let lo = this.at;
    let hi = this.docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.docs[mid] ?? 0) < doc) lo = mid + 1;
      else hi = mid;
    }
    this.at = lo;
    return this.docs[lo] === doc ? lo : -1;
  }
}

interface TermScorer {
  postings: Postings;
  cursor: Cursor;
  idf: number;
}

/** One query word with its look-ups prepared once per query. */
interface WordScorer {
  word: QueryWord;
  holds: Cursor;
  places: Cursor[];
  terms: TermScorer[];
  /** Per needle: its terms, for a tagged text that names the place by an alias only. */
  needleTerms: TermScorer[][];
  whole: Cursor | undefined;
}

function termScorers(index: SearchIndex, terms: readonly string[]): TermScorer[] {
  const n = index.docs.length;
  const scorers: TermScorer[] = [];
  for (const term of new Set(terms)) {
    const postings = index.postings.get(term);
    if (postings === undefined) continue;
    const df = postings.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    scorers.push({ postings, cursor: new Cursor(postings.docs), idf });
  }
  return scorers;
}

function wordScorer(index: SearchIndex, word: QueryWord): WordScorer {
  const whole = index.words.get(word.text);
  return {
    word,
    holds: new Cursor(word.docs),
    places: word.placeIds.map((id) => new Cursor(index.placeDocs.get(id) ?? EMPTY)),
    terms: termScorers(index, word.terms),
    needleTerms:
      word.placeIds.length === 0 ? [] : word.needleTerms.map((t) => termScorers(index, t)),
    whole: whole === undefined ? undefined : new Cursor(whole),
  };
}

function bm25(index: SearchIndex, terms: readonly TermScorer[], doc: number): number {
  const norm = index.averageLength === 0 ? 1 : (index.lengths[doc] ?? 0) / index.averageLength;
  const lengthPart = K1 * (1 - B + B * norm);
  let score = 0;
  for (const t of terms) {
    const at = t.cursor.find(doc);
    if (at < 0) continue;
    const tf = t.postings.tfs[at] ?? 0;
    score += (t.idf * tf * (K1 + 1)) / (tf + lengthPart);
  }
  return score;
}

// Filled by matchWord for its caller: how the last word matched (no object per look-up).
let lastExact = false;

/**
 * BM25 of the word in the document, or -1 when the document neither holds it (all its terms)
 * nor is tagged with its place; sets lastExact when it is found as written or tagged.
 */
function matchWord(index: SearchIndex, s: WordScorer, doc: number, text: string): number {
  const holds = s.holds.find(doc) >= 0;
  let tagged = false;
  for (const cursor of s.places) if (cursor.find(doc) >= 0) tagged = true;
  lastExact = tagged;
  if (!holds && !tagged) return -1;
  if (holds) {
    // Holding all its terms is needed to hold the word as written, so only then look for it.
    if (!tagged) lastExact = indexOfWhole(text, s.word.text) >= 0;
    const score = bm25(index, s.terms, doc);
    return s.whole !== undefined && s.whole.find(doc) >= 0 ? score * WORD_BOOST : score;
  }
  // Tagged only: the text may name the place by an alias; score the alias it uses.
  let best = 0;
  s.word.needles.forEach((needle, i) => {
    if (indexOfWhole(text, needle) >= 0)
      best = Math.max(best, bm25(index, s.needleTerms[i] ?? [], doc));
  });
  return best;
}

/** A part's words prepared for scoring, and how each code point of a split part is weighted. */
interface PartScorer {
  part: ResolvedPart;
  words: WordScorer[];
  exact: boolean[];
  covered: boolean[];
  totalWeight: number;
}

function partScorer(index: SearchIndex, part: ResolvedPart): PartScorer {
  return {
    part,
    words: part.words.map((w) => wordScorer(index, w)),
    exact: part.words.map(() => false),
    covered: part.weights.map(() => false),
    totalWeight: part.weights.reduce((sum, w) => sum + w, 0),
  };
}

// Filled by scorePart: the BM25 of the part's words in the document.
let lastRelevance = 0;

/** How much of the part the document holds as written (0–1); its BM25 goes to lastRelevance. */
function scorePart(index: SearchIndex, p: PartScorer, doc: number, text: string): number {
  let relevance = 0;
  let anyExact = false;
  p.words.forEach((s, i) => {
    const score = matchWord(index, s, doc, text);
    if (score > 0) relevance += score;
    p.exact[i] = score >= 0 && lastExact;
    if (p.exact[i] === true) anyExact = true;
  });
  lastRelevance = relevance;
  if (p.part.mode === 'whole') return anyExact ? 1 : 0;
  if (p.totalWeight === 0) return 0;
  p.covered.fill(false);
  for (const span of p.part.spans)
    if (p.exact[span.word] === true) p.covered.fill(true, span.start, span.end);
  let found = 0;
  p.part.weights.forEach((w, at) => {
    if (p.covered[at] === true) found += w;
  });
  return found / p.totalWeight;
}

/** Ascending union of sorted lists. */
function union(lists: readonly Uint32Array[]): Uint32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  const all = new Uint32Array(nonEmpty.reduce((sum, l) => sum + l.length, 0));
  let at = 0;
  for (const list of nonEmpty) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  return all.filter((doc, i) => i === 0 || all[i - 1] !== doc);
}

/** The documents a part matches: those holding all terms of one of its words, or tagged with its place. */
function partDocs(index: SearchIndex, part: ResolvedPart): Uint32Array {
  return union(
    part.words.flatMap((w) => [
      w.docs,
      ...w.placeIds.map((id) => index.placeDocs.get(id) ?? EMPTY),
    ]),
  );
}

/**
 * Documents matching every part, in document order (sorting is the caller's). Score: how much
 * of each part the text holds as written (1 per part; a split part counts the weighted share of
 * its characters covered by words found), plus BM25 over the terms (title terms weighted, whole
 * words boosted) squashed into the relevance band of the document's kind (see NOTE_SHARE).
 */
export function rankDocuments(
  index: SearchIndex,
  parts: readonly ResolvedPart[],
  accept: (doc: number) => boolean,
): Ranked[] {
  const sets = parts.map((part) => partDocs(index, part)).sort((a, b) => a.length - b.length);
  const [smallest, ...rest] = sets;
  if (smallest === undefined) return [];
  const others = rest.map((set) => new Cursor(set));
  const scorers = parts.map((part) => partScorer(index, part));
  const ranked: Ranked[] = [];
  for (const doc of smallest) {
    if (!accept(doc) || !others.every((c) => c.find(doc) >= 0)) continue;
    const text = normalizedDocText(index, doc);
    let found = 0;
    let relevance = 0;
    for (const scorer of scorers) {
      found += scorePart(index, scorer, doc, text);
      relevance += lastRelevance;
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
