import { describe, expect, it } from 'vitest';
import { editableCopy } from './readonly.js';
import type { ReadonlyReport } from './readonly.js';
import { canonicalReport } from '../data/index.js';
import type { Measure, Report } from './report.js';
import {
  chapterMeasures,
  chapterProgress,
  progressStats,
  reportProgress,
} from './progress-stats.js';

function withTracking(
  report: ReadonlyReport,
  tracked: Record<string, Measure['tracking']>,
): Report {
  const copy = editableCopy(report);
  for (const m of copy.chapters.flatMap((c) => chapterMeasures(c))) {
    const tracking = tracked[m.id];
    if (tracking !== undefined) m.tracking = tracking;
  }
  return copy;
}

describe('progressStats', () => {
  it('counts the measures and targets of a chapter before anyone reports', () => {
    const [first] = canonicalReport.chapters;
    if (first === undefined) throw new Error('no chapter');
    expect(chapterProgress(first)).toEqual({
      measures: 17,
      targets: 7,
      reported: 0,
      byStatus: {},
      meanProgress: null,
    });
  });

  it('rolls up statuses and the rounded mean progress of the measures that have one', () => {
    const report = withTracking(canonicalReport, {
      m38: { status: 'in-progress', progress: 40, updates: [] },
      m40: { status: 'completed', progress: 91, updates: [] },
      m42: { status: 'delayed', progress: null, updates: [] },
    });
    const all = reportProgress(report);
    expect(all).toMatchObject({
      reported: 3,
      byStatus: { 'in-progress': 1, completed: 1, delayed: 1 },
      meanProgress: 66, // (40 + 91) / 2 = 65.5
    });
    expect(all.measures).toBe(reportProgress(canonicalReport).measures);
    expect(progressStats([])).toEqual({
      measures: 0,
      targets: 0,
      reported: 0,
      byStatus: {},
      meanProgress: null,
    });
  });
});
