import { describe, expect, it } from 'vitest';
import { applyCommand } from '@leshan/report-core';
import type { Measure } from '@leshan/report-core';
import { sampleReport } from '../testing/sample-report.js';
import { acceptSuggestion, nextIndicatorId, suggestIndicators } from './indicator-suggestions.js';

const report = sampleReport();
const measures = report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
const measure = (id: string): Measure => {
  const found = measures.find((m) => m.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('indicator suggestions', () => {
  it('suggests targets found in the text and not yet listed', () => {
    expect(suggestIndicators(measure('m42')).map((s) => s.raw)).toContain('200公里');
    expect(suggestIndicators(measure('m24')).map((s) => s.raw)).not.toContain('40万吨');
  });

  it('gives an accepted suggestion the next house-style id, and report-core accepts it', () => {
    expect(nextIndicatorId(report, measure('m24'))).toBe('m24-t2');
    const found = suggestIndicators(measure('m42'))[0];
    if (found === undefined) throw new Error('no suggestion');
    const indicator = acceptSuggestion(report, measure('m42'), found);
    expect(indicator.id).toBe('m42-t1');
    expect(applyCommand(report, { type: 'indicator.add', measureId: 'm42', indicator }).ok).toBe(
      true,
    );
  });
});
