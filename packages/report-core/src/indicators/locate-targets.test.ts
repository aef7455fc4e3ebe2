import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { listMeasures } from '../model/query.js';
import type { Indicator } from '../model/indicator.js';
import { locateTargets, segmentText } from './locate-targets.js';

const indicator = (id: string, raw: string): Indicator => ({
  id,
  metric: raw,
  value: 1,
  unit: '个',
  comparator: 'eq',
  raw,
  aspirational: false,
});

describe('segmentText', () => {
  it('cuts the text around each target and joins back to the same text', () => {
    const text = '新建高速公路210公里、铁路170公里。';
    const parts = segmentText(text, [indicator('a', '210公里'), indicator('b', '170公里')]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.indicator !== undefined).map((p) => p.text)).toEqual([
      '210公里',
      '170公里',
    ]);
  });

  it('gives two targets with the same words two different places', () => {
    const parts = segmentText('培育2个、再培育2个', [indicator('a', '2个'), indicator('b', '2个')]);
    expect(parts.map((p) => [p.text, p.indicator?.id])).toEqual([
      ['培育', undefined],
      ['2个', 'a'],
      ['、再培育', undefined],
      ['2个', 'b'],
    ]);
  });

  it('leaves text whose target words are missing as plain text', () => {
    expect(segmentText('没有数字', [indicator('a', '3个')])).toEqual([{ text: '没有数字' }]);
  });

  it('finds each canonical target where its words stand in its measure', () => {
    for (const m of listMeasures(canonicalReport)) {
      const spans = locateTargets(m.text, m.indicators);
      expect(spans.map((s) => s.indicator.id).sort(), m.id).toEqual(
        m.indicators.map((i) => i.id).sort(),
      );
      for (const s of spans) expect(m.text.slice(s.start, s.end)).toBe(s.indicator.raw);
    }
  });
});
