import type { Diagnostic } from './diagnostic.js';
import { diagnostic, quote } from './diagnostic.js';
import type { BodyItem } from './parse-chapters.js';
import { bigrams, dice, editSimilarity } from './similarity.js';

export interface NearDuplicateOptions {
  /** Least edit similarity (1 − distance / length) for a pair to be reported. */
  minSimilarity: number;
  /** A bigram shared by more texts than this says nothing about likeness (、 建设 …): it is not indexed further. */
  maxPostings: number;
  /** Candidates compared in full per text, the ones sharing most bigrams. */
  maxCandidates: number;
  /** Texts shorter than this are too short to call one a garbled copy of another. */
  minLength: number;
  /** Longer texts (in UTF-16 units) are left out: the schema refuses measures over 4000 characters anyway. */
  maxLength: number;
  /** Above this length the edit distance (O(length²) at worst) is replaced by bigram Dice. */
  maxEditLength: number;
}

const DEFAULTS: NearDuplicateOptions = {
  minSimilarity: 0.85,
  maxPostings: 32,
  maxCandidates: 4,
  minLength: 8,
  maxLength: 4000,
  maxEditLength: 500,
};

/**
 * Measures that read almost like another (加强开展… vs 积极开展…): a garbled copy. Exact
 * repeats are left to the duplicate checks. Texts are bucketed by bigram, each compared only
 * with a few candidates that share the most bigrams, so the work grows linearly with the text.
 */
export function findNearDuplicates(
  body: readonly BodyItem[],
  options: Partial<NearDuplicateOptions> = {},
): Diagnostic[] {
  const o = { ...DEFAULTS, ...options };
  const distinct = new Map<string, BodyItem>();
  for (const item of body)
    if (item.kind === 'measure' && !distinct.has(item.text)) distinct.set(item.text, item);

  const seen: { item: BodyItem; chars: string[]; grams: Set<string> }[] = [];
  const postings = new Map<string, number[]>();
  const out: Diagnostic[] = [];
  for (const item of distinct.values()) {
    if (item.text.length > o.maxLength) continue;
    const chars = Array.from(item.text);
    if (chars.length < o.minLength) continue;
    const grams = bigrams(chars);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const index of postings.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const candidates = [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, o.maxCandidates)
      .map(([index]) => seen[index])
      .filter((c) => c !== undefined);
    for (const candidate of candidates) {
      const longer = Math.max(chars.length, candidate.chars.length);
      if (Math.min(chars.length, candidate.chars.length) < longer * o.minSimilarity) continue;
      // Dice first: linear and cheap; the banded edit distance only for pairs that pass it.
      const overlap = dice(grams, candidate.grams);
      if (overlap < 2 * o.minSimilarity - 1) continue;
      const similarity =
        longer > o.maxEditLength
          ? overlap
          : editSimilarity(candidate.chars, chars, o.minSimilarity);
      if (similarity < o.minSimilarity) continue;
      out.push(nearDuplicate(candidate.item, item, similarity));
      break;
    }
    const index = seen.length;
    seen.push({ item, chars, grams });
    for (const gram of grams) {
      const list = postings.get(gram);
      if (list === undefined) postings.set(gram, [index]);
      else if (list.length < o.maxPostings) list.push(index);
    }
  }
  return out;
}

function nearDuplicate(original: BodyItem, copy: BodyItem, similarity: number): Diagnostic {
  const percent = Math.min(99, Math.round(similarity * 100)); // the texts differ: never say 100%
  return diagnostic(
    'near-duplicate',
    'warning',
    {
      zh: `第${copy.line}行“${quote(copy.text)}”与第${original.line}行“${quote(original.text)}”几乎相同（相似度${percent}%），像是后者的错乱副本：请决定删除第${copy.line}行，还是两句确实不同、都保留。`,
      en: `line ${copy.line} "${quote(copy.text)}" is almost the same as line ${original.line} "${quote(original.text)}" (${percent}% similar) and looks like a garbled copy of it: decide whether to delete line ${copy.line} or keep both as different measures.`,
    },
    [original.line, copy.line],
    [original.nodeId, copy.nodeId],
  );
}
