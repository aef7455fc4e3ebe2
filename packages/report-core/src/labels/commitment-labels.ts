import type { Commitment, Indicator, TargetKind } from '../model/indicator.js';

/**
 * The one wording of a target's commitment on the web, in the API and in every export
 * (issue 17): the report's own words, never 约束性/预期性, which it does not use.
 */
export const COMMITMENT_LABELS: Record<Commitment, { zh: string; en: string }> = {
  binding: { zh: '确保', en: 'binding (确保)' },
  aspirational: { zh: '力争', en: 'aspirational (力争)' },
  unstated: { zh: '未注明', en: 'not stated' },
};

/** The name of each kind of target (increment, level, rate, share), in Chinese and English. */
export const TARGET_KIND_LABELS: Record<TargetKind, { zh: string; en: string }> = {
  increment: { zh: '新增量', en: 'increment' },
  level: { zh: '达到水平', en: 'level' },
  rate: { zh: '变化幅度', en: 'rate of change' },
  share: { zh: '占比', en: 'share' },
};

/** A target's commitment: as stated, or for data curated before it was recorded, from `aspirational`. */
export function commitmentOf(
  indicator: Pick<Indicator, 'aspirational' | 'commitment'>,
): Commitment {
  return indicator.commitment ?? (indicator.aspirational ? 'aspirational' : 'unstated');
}

/** The label of a target's commitment in one language: 确保, 力争 or 未注明. */
export function commitmentLabel(
  indicator: Pick<Indicator, 'aspirational' | 'commitment'>,
  language: 'zh' | 'en' = 'zh',
): string {
  return COMMITMENT_LABELS[commitmentOf(indicator)][language];
}
