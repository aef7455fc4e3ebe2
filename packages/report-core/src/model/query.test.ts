import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { placesOf } from './query.js';

describe('placesOf', () => {
  it('gives the places a measure names, in its order, leaving out ids no place has', () => {
    const names = placesOf(canonicalReport, ['shawan', 'no-such-place', 'wutongqiao']).map(
      (p) => p.id,
    );
    expect(names).toEqual(['shawan', 'wutongqiao']);
    expect(placesOf(canonicalReport, [])).toEqual([]);
  });
});
