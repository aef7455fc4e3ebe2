import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Indicator } from '../model/indicator.js';
import type { ExtractedIndicator } from './index.js';
import { ExtractedIndicatorSchema } from './index.js';

const found: ExtractedIndicator = {
  metric: '高速公路',
  value: 210,
  unit: '公里',
  comparator: 'eq',
  raw: '210公里',
  aspirational: true,
};

describe('ExtractedIndicatorSchema', () => {
  it('is the model’s indicator without its id', () => {
    expectTypeOf<ExtractedIndicator>().toEqualTypeOf<Omit<Indicator, 'id'>>();
    expect(ExtractedIndicatorSchema.safeParse(found)).toEqual({ success: true, data: found });
  });

  it.each([
    ['an empty metric', { ...found, metric: '' }],
    ['an infinite value', { ...found, value: Number.POSITIVE_INFINITY }],
    ['an unknown comparator', { ...found, comparator: 'lt' }],
    ['an empty raw', { ...found, raw: '' }],
  ])('rejects %s', (_what, value) => {
    expect(ExtractedIndicatorSchema.safeParse(value).success).toBe(false);
  });
});
