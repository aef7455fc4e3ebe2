import { WordIndex } from './word-index.js';

// The units a target may be counted in. A "counter" (个, 家 …) may stand before the noun it
// counts (培育2个强县); a "measure" (公里, 亿元 …) followed by a noun qualifies that noun
// instead (1000千伏特高压, 500亿元经济强县), so it is never a target there. A "duration"
// (年, 天 …) is a measure that, written in Chinese numerals, is narrative (过去五年), not a target.

export type UnitKind = 'counter' | 'measure' | 'duration';

export interface UnitMatch {
  /** Characters of the text the unit occupies. */
  length: number;
  /** The unit as reported: ％ → %, 个百分点 → 百分点. */
  unit: string;
  kind: UnitKind;
}

const words = (list: string): string[] => list.split(' ');

const COUNTERS = words(
  '个 家 座 套 所 张 户 人 名 项 条 处 台 辆 艘 架 件 栋 位 种 类 场 次 人次 例 棵 株 篇 间 幢 支 块 部',
);

const MEASURES = words(
  '元 美元 公里 千米 米 平方米 平方公里 平方千米 立方米 千瓦 千瓦时 兆瓦 千伏 吨 吨标准煤 标准煤 亩 公顷 标箱 标准箱 倍 % ‰ 百分点 床 公斤 千克 斤 升',
);

const DURATIONS = words('年 天 小时 岁');

// Spellings that report as another unit.
const ALIASES: Readonly<Record<string, readonly [string, UnitKind]>> = {
  '％': ['%', 'measure'],
  个百分点: ['百分点', 'measure'],
  个月: ['个月', 'duration'],
  个工作日: ['个工作日', 'duration'],
};

// Longest first, so 平方公里 wins over 公里 and 个百分点 over 个.
const TABLE = new WordIndex<readonly [string, UnitKind]>([
  ...COUNTERS.map((text) => [text, [text, 'counter']] as const),
  ...MEASURES.map((text) => [text, [text, 'measure']] as const),
  ...DURATIONS.map((text) => [text, [text, 'duration']] as const),
  ...Object.entries(ALIASES),
]);

/** The unit written at position i of text, if any. */
export function matchUnit(text: string, i: number): UnitMatch | undefined {
  const found = TABLE.startingAt(text, i);
  if (found === undefined) return undefined;
  const [written, [unit, kind]] = found;
  return { length: written.length, unit, kind };
}

/** Units that are ratios: never written with 万/亿 by formatQuantity. */
export const RATIO_UNITS: ReadonlySet<string> = new Set(['%', '‰', '倍', '百分点']);
