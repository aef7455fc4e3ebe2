import { describe, expect, it } from 'vitest';
import { TARGETS_WITHOUT_A_NUMBER } from '../data/curated-indicators.js';
import { canonicalReport } from '../data/index.js';
import { listMeasures } from '../model/index.js';
import { ExtractedIndicatorSchema } from './extracted-indicator.js';
import { extractIndicators } from './index.js';

const measures = listMeasures(canonicalReport);

describe('extractIndicators on the canonical report', () => {
  it('finds exactly the curated indicators of every measure, in order', () => {
    for (const measure of measures) {
      const expected = measure.indicators
        .filter((i) => !TARGETS_WITHOUT_A_NUMBER.includes(i.id))
        .map(({ id: _id, ...rest }) => rest);
      expect({ id: measure.id, found: extractIndicators(measure.text) }).toEqual({
        id: measure.id,
        found: expected,
      });
    }
  });

  it('finds none on the measures the editors left without indicators', () => {
    const plain = measures.filter((m) => m.indicators.length === 0);
    expect(plain.length).toBeGreaterThan(50);
    expect(plain.filter((m) => extractIndicators(m.text).length > 0).map((m) => m.id)).toEqual([]);
  });

  it('returns indicators the schema accepts', () => {
    const all = measures.flatMap((m) => extractIndicators(m.text));
    expect(all).toHaveLength(
      measures.reduce((n, m) => n + m.indicators.length, 0) - TARGETS_WITHOUT_A_NUMBER.length,
    );
    for (const found of all) expect(ExtractedIndicatorSchema.safeParse(found).success).toBe(true);
  });
});
