import { canonicalReport, listMeasures } from '@leshan/report-core';
import { commitmentLabel } from '@leshan/report-core/labels';
import { describe, expect, it } from 'vitest';
import { viewIndicator } from './edition-view.js';

describe('issue 17: an export calls a target’s commitment what the report calls it', () => {
  it('uses report-core’s word for every target, never 约束性 or 预期性', () => {
    const indicators = listMeasures(canonicalReport).flatMap((m) => m.indicators);
    const words = indicators.map((i) => viewIndicator(i).aspirational);
    expect(words).toEqual(indicators.map((i) => commitmentLabel(i)));
    expect(words.filter((w) => w === '确保')).toHaveLength(1);
    expect(words.join()).not.toMatch(/约束性|预期性/u);
  });
});
