import { describe, expect, it } from 'vitest';
import { synthesizeReport } from '../bench/synthesize-report.js';
import {
  canonicalReport,
  editableCopy,
  formatIssues,
  reportStats,
  validateReport,
} from '../src/index.js';

describe('synthesizeReport (the benchmark input)', () => {
  it('makes a valid report `factor` times as many chapters, sections, measures and indicators', () => {
    const base = reportStats(canonicalReport);
    const big = synthesizeReport(editableCopy(canonicalReport), 3);
    const result = validateReport(big);
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
    expect(reportStats(big)).toEqual({
      ...base,
      chapters: base.chapters * 3,
      sections: base.sections * 3,
      measures: base.measures * 3,
      indicators: base.indicators * 3,
    });
  });

  it('returns the base unchanged in content for factor 1', () => {
    expect(synthesizeReport(editableCopy(canonicalReport), 1)).toEqual(canonicalReport);
  });
});
