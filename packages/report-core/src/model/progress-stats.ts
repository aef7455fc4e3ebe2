import type { Chapter, Measure } from './report.js';
import type { TrackingStatus } from './tracking.js';
import type { DeepReadonly, ReadonlyReport } from './readonly.js';

/** How far a list of measures has come: the roll-up of a chapter, or of the whole report. */
export interface ProgressStats {
  measures: number;
  /** Quantitative targets (indicators) of those measures. */
  targets: number;
  /** Measures someone has reported on (status set). */
  reported: number;
  byStatus: Partial<Record<TrackingStatus, number>>;
  /** Mean progress (0–100, rounded) of the measures that have one, or null when none has. */
  meanProgress: number | null;
}

/** Counts of measures and targets and how far they have come, for any list of measures. */
export function progressStats(measures: readonly DeepReadonly<Measure>[]): ProgressStats {
  const byStatus: Partial<Record<TrackingStatus, number>> = {};
  let reported = 0;
  let progressSum = 0;
  let withProgress = 0;
  let targets = 0;
  for (const m of measures) {
    targets += m.indicators.length;
    const { status, progress } = m.tracking;
    if (status !== null) {
      reported += 1;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    if (progress !== null) {
      progressSum += progress;
      withProgress += 1;
    }
  }
  return {
    measures: measures.length,
    targets,
    reported,
    byStatus,
    meanProgress: withProgress === 0 ? null : Math.round(progressSum / withProgress),
  };
}

/** The measures of a chapter, in reading order. */
export function chapterMeasures(chapter: Chapter): Measure[];
export function chapterMeasures(chapter: DeepReadonly<Chapter>): DeepReadonly<Measure>[];
export function chapterMeasures(chapter: DeepReadonly<Chapter>): DeepReadonly<Measure>[] {
  return chapter.sections.flatMap((s) => s.measures);
}

/** The roll-up of one chapter. */
export function chapterProgress(chapter: DeepReadonly<Chapter>): ProgressStats {
  return progressStats(chapterMeasures(chapter));
}

/** The roll-up of the whole report. */
export function reportProgress(report: ReadonlyReport): ProgressStats {
  return progressStats(report.chapters.flatMap((c) => chapterMeasures(c)));
}
