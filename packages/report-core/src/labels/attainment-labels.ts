import type { Attainment, ObservationBasis, Verdict } from '../model/follow-up.js';
import { VERDICT_LABELS } from '../model/follow-up.js';
import type { Message } from '../model/message.js';
import type { Indicator } from '../model/indicator.js';
import { formatNumber, quantityScale } from '../indicators/format-quantity.js';
import { RATIO_UNITS } from '../indicators/units.js';

/** The name of each observation basis: 累计 (since the period began) and 当年 (one year's amount). */
export const OBSERVATION_BASIS_LABELS: Record<ObservationBasis, Message> = {
  cumulative: { zh: '累计', en: 'Cumulative' },
  annual: { zh: '当年', en: 'Annual' },
};

/** 累计 or 当年; an observation without a basis is cumulative. */
export function observationBasisLabel(basis: ObservationBasis | undefined): Message {
  return OBSERVATION_BASIS_LABELS[basis ?? 'cumulative'];
}

/** 已达成, 进度正常, 滞后 or 未报告. */
export function verdictLabel(verdict: Verdict): Message {
  return VERDICT_LABELS[verdict];
}

/**
 * A percent of attainment as a whole number, 43%: rounded, except that a percent below 100 never
 * shows as 100% (99.6 → 99%), since that would read as met; '—' when there is none (null).
 */
export function formatAttainmentPercent(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  const rounded = Math.round(percent);
  const shown = percent < 100 && rounded >= 100 ? 99 : rounded;
  return `${Object.is(shown, -0) ? 0 : shown}%`;
}

const MISSING_LABELS: Record<NonNullable<Attainment['missing']>, Message> = {
  observations: { zh: '尚无实际值', en: 'no observation yet' },
  baseline: { zh: '缺少基期值', en: 'the baseline value is missing' },
};

/**
 * A target's attainment in one line: 完成 43%，滞后 / 43% attained, behind; or 未报告（尚无实际值）
 * when it is not reported (with why), or just the verdict when there is no percent.
 */
export function formatAttainment(attainment: Attainment): Message {
  const verdict = VERDICT_LABELS[attainment.verdict];
  if (attainment.verdict === 'not-reported') {
    const why = MISSING_LABELS[attainment.missing ?? 'observations'];
    return { zh: `${verdict.zh}（${why.zh}）`, en: `${verdict.en} (${why.en})` };
  }
  if (attainment.percent === null) return verdict;
  const percent = formatAttainmentPercent(attainment.percent);
  return {
    zh: `完成 ${percent}，${verdict.zh}`,
    en: `${percent} attained, ${verdict.en.toLowerCase()}`,
  };
}

/**
 * What a target has achieved against it, as the public reads it (issue 19): 90 / 210 公里（43%）;
 * both in the 万/亿 formatQuantity writes the target with (1500 / 2000 亿元（75%）); a ratio unit
 * stays on its number (5 / 6%); the percent is left out when there is none. undefined while
 * nothing is achieved (not reported): say formatAttainment instead.
 *
 * @example formatAchievement({ value: 210, unit: '公里' }, { achieved: 90, percent: 42.86 }) // '90 / 210 公里（43%）'
 */
export function formatAchievement(
  indicator: Pick<Indicator, 'value' | 'unit'>,
  attainment: Pick<Attainment, 'achieved' | 'percent'>,
): string | undefined {
  if (attainment.achieved === null || !Number.isFinite(attainment.achieved)) return undefined;
  const { divisor, word } = quantityScale(indicator.value, indicator.unit);
  const unit = `${word}${indicator.unit}`;
  const gap = unit === '' || RATIO_UNITS.has(indicator.unit) ? '' : ' ';
  const percent =
    attainment.percent === null ? '' : `（${formatAttainmentPercent(attainment.percent)}）`;
  return `${formatNumber(attainment.achieved / divisor)} / ${formatNumber(indicator.value / divisor)}${gap}${unit}${percent}`;
}
