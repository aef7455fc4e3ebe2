import type { Place } from '../model/place.js';
import type { DeepReadonly, ReadonlyReport } from '../model/readonly.js';
import { indexedPlaces, placeLookups } from './index-places.js';
import { normalizeSearchText } from './normalize-text.js';
import type { SearchDoc } from './search-doc.js';
import { collectSearchDocs } from './search-doc.js';
import type { Postings, SearchIndex } from './search-index.js';
import { SEARCH_INDEX_VERSION } from './search-index.js';
import type { CreateSearchIndexOptions } from './search-schemas.js';
import { CreateSearchIndexOptionsSchema } from './search-schemas.js';
import { indexTerms } from './tokenize.js';

/** A title term counts as this many body terms: a hit in a heading outranks one in passing. */
export const TITLE_WEIGHT = 3;

const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

interface Growing {
  docs: number[];
  tfs: number[];
}

function wordsOf(segmenter: Intl.Segmenter, text: string): Set<string> {
  const words = new Set<string>();
  for (const part of segmenter.segment(text)) {
    // Only CJK words of two or more characters: shorter ones and Latin runs are exact terms already.
    if (part.isWordLike === true && [...part.segment].length >= 2 && HAS_CJK.test(part.segment))
      words.add(part.segment);
  }
  return words;
}

function pickSegmenter(wanted: boolean): Intl.Segmenter | undefined {
  if (!wanted || typeof Intl.Segmenter !== 'function') return undefined;
  return new Intl.Segmenter('zh', { granularity: 'word' });
}

/**
 * Builds the index from an already-collected list of documents (exposed for benchmarks and
 * tests); `places` is the gazetteer the documents' place ids refer to.
 */
export function createSearchIndexFromDocs(
  docs: readonly SearchDoc[],
  options: CreateSearchIndexOptions = {},
  places: readonly DeepReadonly<Place>[] = [],
): SearchIndex {
  const parsed = CreateSearchIndexOptionsSchema.safeParse(options);
  const segmenter = pickSegmenter(parsed.success ? parsed.data.segmenter : true);
  const growing = new Map<string, Growing>();
  const words = new Map<string, number[]>();
  const lengths = new Uint32Array(docs.length);
  const normalizedCache: (string | undefined)[] = [];
  let totalLength = 0;
  docs.forEach((doc, n) => {
    // Title and body are tokenised apart so title terms can carry their weight; docs put a
    // separator (or the end) at titleLength, so no run crosses the cut.
    const normalized = normalizeSearchText(doc.text);
    const whole = (from: number, to: number): string =>
      from === 0 && to === doc.text.length
        ? normalized
        : normalizeSearchText(doc.text.slice(from, to));
    const title = indexTerms(doc.titleLength === 0 ? '' : whole(0, doc.titleLength));
    const body = indexTerms(
      doc.titleLength >= doc.text.length ? '' : whole(doc.titleLength, doc.text.length),
    );
    const counts = new Map<string, number>();
    for (const term of title.terms) counts.set(term, (counts.get(term) ?? 0) + TITLE_WEIGHT);
    for (const term of body.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = growing.get(term);
      if (list === undefined) {
        list = { docs: [], tfs: [] };
        growing.set(term, list);
      }
      list.docs.push(n);
      list.tfs.push(tf);
    }
    lengths[n] = title.length + body.length;
    totalLength += title.length + body.length;
    normalizedCache[n] = normalized;
    if (segmenter !== undefined) {
      for (const word of wordsOf(segmenter, normalized)) {
        const list = words.get(word);
        if (list === undefined) words.set(word, [n]);
        else list.push(n);
      }
    }
  });
  const postings = new Map<string, Postings>();
  for (const [term, list] of growing)
    postings.set(term, { docs: Uint32Array.from(list.docs), tfs: Uint32Array.from(list.tfs) });
  const wordPostings = new Map<string, Uint32Array>();
  for (const [word, list] of words) wordPostings.set(word, Uint32Array.from(list));
  const gazetteer = indexedPlaces(places);
  return {
    places: gazetteer,
    ...placeLookups(gazetteer, docs),
    version: SEARCH_INDEX_VERSION,
    docs,
    lengths,
    averageLength: docs.length === 0 ? 0 : totalLength / docs.length,
    postings,
    words: wordPostings,
    segmented: segmenter !== undefined,
    normalizedCache,
  };
}

/**
 * Indexes the goals, ideology, chapter and section titles, measures and editorial notes of a
 * report, and its places (a place's name or alias finds the measures tagged with it). Pass `{ segmenter: false }` to build without Intl.Segmenter (as in engines lacking it):
 * everything is still found, only the whole-word ranking boost is gone.
 */
export function createSearchIndex(
  report: ReadonlyReport,
  options: CreateSearchIndexOptions = {},
): SearchIndex {
  return createSearchIndexFromDocs(collectSearchDocs(report), options, report.places);
}
