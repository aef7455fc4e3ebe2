import type { Indicator } from '../model/indicator.js';
import { COMPARATOR_LABELS } from '../model/indicator.js';
import { RATIO_UNITS } from './units.js';

// Fifteen significant digits: enough for any target, few enough to hide float noise (0.1 + 0.2).
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', {
  useGrouping: false,
  maximumSignificantDigits: 15,
});

const MAGNITUDES: readonly (readonly [number, string])[] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

/**
 * A value in its base unit written as a Chinese reader expects it, with 万/亿/万亿:
 * (200000000000, '元') → '2000亿元'; (70000000, '立方米') → '7000万立方米'; (6, '%') → '6%';
 * (2, '倍') → '2倍'; (15000, '') → '1.5万'. Ratios (%, 倍, 百分点) are never scaled.
 */
export function formatQuantity(value: number, unit: string): string {
  if (!Number.isFinite(value)) return `${String(value)}${unit}`;
  const { divisor, word } = quantityScale(value, unit);
  return `${NUMBER_FORMAT.format(value / divisor)}${word}${unit}`;
}

/** The 万/亿/万亿 formatQuantity writes a value with: its divisor and word (1 and '' for none). */
export function quantityScale(value: number, unit: string): { divisor: number; word: string } {
  const size = Math.abs(value);
  const magnitude = RATIO_UNITS.has(unit) ? undefined : MAGNITUDES.find(([limit]) => size >= limit);
  return magnitude === undefined
    ? { divisor: 1, word: '' }
    : { divisor: magnitude[0], word: magnitude[1] };
}

/** A number as formatQuantity writes it, without 万/亿 or unit (at most 15 significant digits). */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? NUMBER_FORMAT.format(value) : String(value);
}

/**
 * A target in words, its number written the Chinese way: (gte, 2000亿元) → '不低于 2000亿元';
 * an increment says so (新增 210公里, issue 17: not 达到 210公里); a range gives both bounds.
 */
export function formatTarget(
  indicator: Pick<Indicator, 'comparator' | 'value' | 'unit'> &
    Partial<Pick<Indicator, 'kind' | 'upper'>>,
): string {
  const amount =
    indicator.upper === undefined
      ? formatQuantity(indicator.value, indicator.unit)
      : `${formatQuantity(indicator.value, indicator.unit)}–${formatQuantity(indicator.upper, indicator.unit)}`;
  const comparator = indicator.comparator;
  if (indicator.kind === 'increment')
    return comparator === 'eq'
      ? `新增 ${amount}`
      : `新增${COMPARATOR_LABELS[comparator].zh} ${amount}`;
  if (indicator.kind === 'rate' || indicator.kind === 'share' || indicator.upper !== undefined)
    return comparator === 'eq' ? amount : `${COMPARATOR_LABELS[comparator].zh} ${amount}`;
  return `${COMPARATOR_LABELS[comparator].zh} ${amount}`;
}
