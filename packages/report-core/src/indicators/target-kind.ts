import type { TargetKind } from '../model/indicator.js';

// The kind of a target, read from the (folded) words of its clause (issue 17).

const LEVEL_BEFORE_NUMBER =
  /(?:达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|扩大到|下降到|下降至|降低到|降低至|降至|降到|减少到|减少至|控制在|保持在|稳定在|维持在|突破|超过|不低于|不少于|不超过|为)$/u;
const RATE_WORDS = /增长|下降|降低|减少|提高|提升|增速|涨幅|年均|递增|递减|缩减/u;
const INCREMENT_WORDS =
  /新建|新增|新开工|新改建|改扩建|改造|培育|认定|招引|引进|入库|建设筹集|筹集|新种植|造林|整治|修复|治理|增加/u;
const RATIO_UNITS = new Set(['%', '‰', '百分点']);

/**
 * increment (新建, 新增, 改造 …), level (达到, 提高到, 控制在 …), rate (增长, 下降, 年均 … a change
 * in % or 百分点), share (占…比重), or undefined when the words say none (a plain total: level).
 */
export function targetKind(
  text: string,
  clauseStart: number,
  metric: readonly [number, number],
  numberStart: number,
  unit: string,
): TargetKind | undefined {
  // Bounded like a metric, so a megabyte clause costs no more than a short one.
  const clause = text.slice(
    Math.max(Math.min(clauseStart, metric[0]), numberStart - 200),
    numberStart,
  );
  if (/占.*(?:比重|比例|份额)/u.test(clause)) return 'share';
  if (LEVEL_BEFORE_NUMBER.test(clause)) return 'level';
  if (RATIO_UNITS.has(unit) && RATE_WORDS.test(clause)) return 'rate';
  if (INCREMENT_WORDS.test(clause)) return 'increment';
  return undefined;
}
