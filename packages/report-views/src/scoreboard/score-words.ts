import { TRACKING_STATUS_LABELS, VERDICT_LABELS } from '@leshan/report-core';
import type { ScoreStatus, Verdict } from '@leshan/report-core';
import { NOT_REPORTED } from '@leshan/report-core/labels';
import type { Lang } from '../labels.js';

/** A scoreboard status in words: a tracking status, or 未报告 for a measure nobody reported on. */
export function scoreStatusLabel(status: ScoreStatus, lang: Lang): string {
  return status === 'not-reported' ? NOT_REPORTED[lang] : TRACKING_STATUS_LABELS[status][lang];
}

/** A target's verdict in words (已达成, 进度正常, 滞后, 未报告). */
export function verdictWords(verdict: Verdict, lang: Lang): string {
  return VERDICT_LABELS[verdict][lang];
}
