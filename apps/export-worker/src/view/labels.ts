import type { Comparator, NoteKind, ObservationBasis, TrackingStatus } from '@leshan/report-core';
import { COMPARATOR_LABELS, NOTE_KIND_LABELS } from '@leshan/report-core';
import { formatTarget } from '@leshan/report-core/indicators';
import type { DeepReadonly, Indicator } from '@leshan/report-core';
import { commitmentLabel, trackingStatusLabel } from '@leshan/report-core/labels';

// The documents are in Chinese: report-core's labels, in Chinese, and the few words only the
// exported documents use.

/** 未开始 … 待核实, or 未报告 while nobody has reported on the measure. */
export function statusLabel(status: TrackingStatus | null): string {
  return trackingStatusLabel(status).zh;
}

export function progressLabel(progress: number | null): string {
  return progress === null ? '—' : `${progress}%`;
}

export function comparatorLabel(comparator: Comparator): string {
  return COMPARATOR_LABELS[comparator].zh;
}

export function noteKindLabel(kind: NoteKind): string {
  return NOTE_KIND_LABELS[kind].zh;
}

/** 确保, 力争 or 未注明: the report's own word, the same as the viewer's (issue 17). */
export function commitmentText(indicator: Pick<Indicator, 'aspirational' | 'commitment'>): string {
  return commitmentLabel(indicator);
}

/** The indicator's target as one phrase: 不低于 2000亿元（较2020年）. */
export function indicatorTarget(indicator: DeepReadonly<Indicator>): string {
  const baseline = indicator.baseline === undefined ? '' : `（${indicator.baseline.raw}）`;
  return `${formatTarget(indicator)}${baseline}`;
}

/** 累计 or 当年: how an observation counts (absent means cumulative). */
export function basisLabel(basis: ObservationBasis | undefined): string {
  return basis === 'annual' ? '当年' : '累计';
}
