/**
 * Patience-diff anchors: pairs (i, j) of items that occur exactly once in `a` and once in `b`,
 * the longest run of them in the same order in both. O(N log N), whatever the edit distance,
 * which is why the clause-level fallback of diffText uses it.
 */
export function patienceAnchors(a: readonly string[], b: readonly string[]): [number, number][] {
  const count = new Map<string, { a: number; b: number; ia: number; ib: number }>();
  a.forEach((item, i) => {
    const c = count.get(item) ?? { a: 0, b: 0, ia: i, ib: -1 };
    c.a += 1;
    c.ia = i;
    count.set(item, c);
  });
  b.forEach((item, j) => {
    const c = count.get(item);
    if (c === undefined) return;
    c.b += 1;
    c.ib = j;
  });
  const pairs: [number, number][] = [];
  for (const c of count.values()) if (c.a === 1 && c.b === 1) pairs.push([c.ia, c.ib]);
  pairs.sort((p, q) => p[0] - q[0]);
  return longestIncreasing(pairs);
}

/** The longest subsequence of `pairs` (sorted by i) whose j increase too: patience sorting. */
export function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // tails[len] = index into pairs of the best tail of a run of len + 1
  const prev = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], p) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] ?? 0]?.[1] ?? 0) < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[p] = tails[lo - 1] ?? -1;
    tails[lo] = p;
  });
  const out: [number, number][] = [];
  for (let p = tails[tails.length - 1] ?? -1; p >= 0; p = prev[p] ?? -1) {
    const pair = pairs[p];
    if (pair) out.push(pair);
  }
  return out.reverse();
}
