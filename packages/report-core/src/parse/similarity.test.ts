import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, boundedEditDistance, dice, editSimilarity } from './similarity.js';

/** The textbook O(n·m) Levenshtein distance, to check the banded one against. */
function levenshtein(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const curr = [i];
    for (let j = 1; j <= b.length; j += 1) {
      curr.push(
        Math.min(
          (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
          (prev[j] ?? 0) + 1,
          (curr[j - 1] ?? 0) + 1,
        ),
      );
    }
    prev = curr;
  }
  return prev[b.length] ?? 0;
}

describe('similarity', () => {
  it('gives 90% for the garbled copy of line 208 at line 214', () => {
    const a = Array.from('积极开展近零碳社区、景区、校园试点建设。');
    const b = Array.from('加强开展近零碳社区、景区、校园试点建设。');
    expect(boundedEditDistance(a, b, 5)).toBe(2);
    expect(editSimilarity(a, b, 0.85)).toBeCloseTo(0.9);
    expect(dice(bigrams(a), bigrams(b))).toBeGreaterThan(0.8);
  });

  it('agrees with the full Levenshtein distance within the band and says "too far" beyond it', () => {
    const text = fc.array(fc.constantFrom('建', '设', '城', '市', '。', 'a'), { maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 8 }), (a, b, max) => {
        const exact = levenshtein(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('scores identical texts 1 and disjoint bigram sets 0', () => {
    expect(dice(bigrams(['a', 'b', 'c']), bigrams(['a', 'b', 'c']))).toBe(1);
    expect(dice(bigrams(['a', 'b']), bigrams(['c', 'd']))).toBe(0);
    expect(editSimilarity([], [], 0.85)).toBe(1);
    expect(
      editSimilarity(
        Array.from('推动城市主城区优化发展。'),
        Array.from('引导重点开发区县转型发展。'),
        0.85,
      ),
    ).toBe(0);
  });
});
