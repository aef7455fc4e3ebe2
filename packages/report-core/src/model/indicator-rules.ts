import type { Indicator } from './indicator.js';
import type { Message } from './message.js';
import type { DeepReadonly } from './readonly.js';

const RATIO_UNITS = new Set(['%', '‰', '倍', '百分点']);
// Wordings that state a ratio without its unit (curated targets: 翻一番 is 2倍, 县县都有 is 100%).
const UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  倍: ['番', '倍'],
  '%': ['%', '％', '百分之', '全', '都', '每', '所有'],
  '‰': ['‰', '千分之'],
};

/**
 * The problems of an indicator an editor writes (issue 13): its unit must appear in the wording it
 * was read from, and a count or amount cannot be negative (only ratios, e.g. a fall in %, can).
 */
export function indicatorProblems(
  indicator: DeepReadonly<Indicator>,
): { field: string; message: Message }[] {
  const out: { field: string; message: Message }[] = [];
  const words = UNIT_WORDS[indicator.unit] ?? [indicator.unit];
  if (!words.some((w) => indicator.raw.includes(w)))
    out.push({
      field: 'unit',
      message: {
        zh: `单位“${indicator.unit}”没有出现在原文措辞“${indicator.raw}”中：请把单位改成原文里的写法，或把原文措辞选全（包括单位）`,
        en: `the unit "${indicator.unit}" does not occur in the wording "${indicator.raw}": fix the unit or select the whole wording`,
      },
    });
  if (!RATIO_UNITS.has(indicator.unit))
    for (const field of ['value', 'upper'] as const) {
      const n = indicator[field];
      if (n !== undefined && n < 0)
        out.push({
          field,
          message: {
            zh: `${field === 'value' ? '目标值' : '区间上限'}不能是负数（现为 ${n}${indicator.unit}）：数量请填 0 或正数，下降的幅度请用 % 表示`,
            en: `${field} cannot be negative for a count (${n}${indicator.unit}); state a fall as a percentage`,
          },
        });
    }
  return out;
}
