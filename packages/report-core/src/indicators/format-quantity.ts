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
  const size = Math.abs(value);
  const magnitude = RATIO_UNITS.has(unit) ? undefined : MAGNITUDES.find(([limit]) => size >= limit);
  if (magnitude === undefined) return `${NUMBER_FORMAT.format(value)}${unit}`;
  const [limit, word] = magnitude;
  return `${NUMBER_FORMAT.format(value / limit)}${word}${unit}`;
}

/** A target in words, its number written the Chinese way: (gte, 2000亿元) → '不低于 2000亿元'. */
export function formatTarget(indicator: Pick<Indicator, 'comparator' | 'value' | 'unit'>): string {
  return `${COMPARATOR_LABELS[indicator.comparator].zh} ${formatQuantity(indicator.value, indicator.unit)}`;
}
