// Cheap measures of how alike two short texts are, for spotting garbled copies of a sentence.

/** The distinct character bigrams of a text (code points, so CJK and astral characters count once). */
export function bigrams(chars: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}

/** Dice coefficient of two bigram sets: 1 for the same set, 0 for none shared. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Levenshtein distance if it is at most `max`, else `max + 1`. Only a band of width 2·max+1
 * around the diagonal is computed, so the cost is O(length · max) rather than O(length²).
 */
export function boundedEditDistance(
  a: readonly string[],
  b: readonly string[],
  max: number,
): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  let prev = new Array<number>(b.length + 1).fill(over);
  let curr = new Array<number>(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, max); j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // Only the band is written: reset its left edge and the cell just past its right edge.
    curr[from - 1] = from === 1 ? Math.min(i, over) : over;
    let best = curr[from - 1] ?? over;
    for (let j = from; j <= to; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (prev[j - 1] ?? over) + cost,
        (prev[j] ?? over) + 1,
        (curr[j - 1] ?? over) + 1,
        over,
      );
      curr[j] = value;
      if (value < best) best = value;
    }
    if (to + 1 <= b.length) curr[to + 1] = over;
    if (best > max) return over;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[b.length] ?? over, over);
}

/** 1 − distance / longer length, or 0 when the texts are further apart than `minSimilarity` allows. */
export function editSimilarity(
  a: readonly string[],
  b: readonly string[],
  minSimilarity: number,
): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const max = Math.floor((1 - minSimilarity) * longer);
  const distance = boundedEditDistance(a, b, max);
  return distance > max ? 0 : 1 - distance / longer;
}
