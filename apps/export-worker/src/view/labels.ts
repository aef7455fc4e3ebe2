import type { Comparator, Indicator, NoteKind, TrackingStatus } from '@leshan/report-core';
import { COMPARATOR_LABELS, NOTE_KIND_LABELS, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import { formatChineseValue } from './chinese-number.js';

/** Shown wherever the source lacks a chapter or section heading (the title is null). */
export const MISSING_TITLE = '（原文缺失标题）';

export function displayTitle(title: string | null): string {
  return title ?? MISSING_TITLE;
}

/** 未开始 … 待核实, or 未报告 while nobody has reported on the measure. */
export function statusLabel(status: TrackingStatus | null): string {
  return status === null ? '未报告' : TRACKING_STATUS_LABELS[status].zh;
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

export function aspirationalLabel(aspirational: boolean): string {
  return aspirational ? '预期性' : '约束性';
}

/** The indicator's target as one phrase: 不低于 2000亿元（较2020年）. */
export function indicatorTarget(indicator: Indicator): string {
  const baseline = indicator.baseline === undefined ? '' : `（${indicator.baseline.raw}）`;
  return `${comparatorLabel(indicator.comparator)} ${formatChineseValue(indicator.value, indicator.unit)}${baseline}`;
}
