import { describe, expect, it } from 'vitest';
import { canonicalReport } from '@leshan/report-core';
import { groupByPlace } from './place-groups.js';

describe('groupByPlace', () => {
  it('groups measures under the places they name, places without measures last', () => {
    const groups = groupByPlace(canonicalReport);
    const wutongqiao = groups.find((g) => g.place.id === 'wutongqiao');
    expect(wutongqiao?.measures.map((m) => m.id)).toContain('m94');
    const firstEmpty = groups.findIndex((g) => g.measures.length === 0);
    if (firstEmpty >= 0)
      expect(groups.slice(firstEmpty).every((g) => g.measures.length === 0)).toBe(true);
  });
});
