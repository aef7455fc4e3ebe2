import type { Comparator } from '../model/indicator.js';
import { WordIndex } from './word-index.js';

// The words around a number that say how it binds and what it counts. Tables, not code, so a
// reader can extend them; lists are written as space-separated words to stay readable.

const words = (list: string): string[] => list.split(' ').filter((w) => w.length > 0);
const chars = (list: string): ReadonlySet<string> => new Set([...list]);

/** Written after the quantity: 7000万立方米以上, 6%以内. */
export const SUFFIX_COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ['及以上', 'gte'],
  ['以上', 'gte'],
  ['以内', 'lte'],
  ['以下', 'lte'],
  ['左右', 'approx'],
];

/** Written just before the number: 不少于300家, 突破1000亿元, 约6%. */
export const PREFIX_COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ...words('不少于 不低于').map((w) => [w, 'gte'] as const),
  ...words('不超过 不高于 不到 低于').map((w) => [w, 'lte'] as const),
  ...words('突破 超过 高于').map((w) => [w, 'gt'] as const),
  ...words('大约 约').map((w) => [w, 'approx'] as const),
];

/** Suffix comparators by first character, prefix comparators by last: O(1) to ask at a number. */
export const SUFFIX_COMPARATOR_INDEX = new WordIndex(SUFFIX_COMPARATORS);
export const PREFIX_COMPARATOR_INDEX = new WordIndex(PREFIX_COMPARATORS);

/** Between the digits and the unit: 300余家, 3万多人 — more than the number. */
export const MORE_THAN_MARKS = chars('余多');

/** Sentence words that make a target aspirational; the last one before the number decides. */
export const ASPIRATIONAL_WORDS: readonly string[] = words('力争 争创 争取 努力');
export const BINDING_WORDS: readonly string[] = words('确保');

/** Where a sentence ends for the aspirational test (；ends a listed item as firmly as 。). */
export const SENTENCE_ENDS = chars('。！？!?；;\n\r');

/** Where the clause holding a "noun + number" metric begins. */
export const CLAUSE_SEPARATORS = chars('。！？!?；;\n\r，、,：:');

/** Words joining two targets (210公里和铁路170公里). */
export const CONJUNCTIONS = chars('和及与或并');

/** Characters that end a quantity's phrase: after them the number stood alone. */
export const QUANTITY_ENDS = chars(
  '。！？!?；;\n\r，、,：:.）)（(】」』”"’》 \t\u3000和及与或并等',
);

/** Where a "number + 个 + noun" metric ends. */
export const METRIC_ENDS = chars('。！？!?；;\n\r，、,：:和及与或（(');

/**
 * Words before the metric that say how firmly it is meant or only that work is done, not what
 * is measured (issue 17): 力争新建高速公路 → 新建高速公路 (新建 stays: 210 km of new road is not
 * 210 km of road); 培育千亿产业集群 → 千亿产业集群.
 */
export const LEADING_STOP_WORDS: readonly string[] = words(
  '力争 争取 争创 努力 确保 全年 今年 累计 使 让 的 要 培育 完成 实施 推动 加快 打造',
);

/** Verbs after the noun and before the number: 森林蓄积量达到 → 森林蓄积量. */
export const TRAILING_STOP_WORDS: readonly string[] = words(
  '达到 提高到 提高至 提升到 提升至 增加到 增加至 增长到 增长至 扩大到 下降到 下降至 降低到 降低至 ' +
    '降至 降到 减少到 减少至 控制在 保持在 稳定在 维持在 实现 累计 总计 共计 达 为 建设 等 的 全年 拟按 力争 争取 努力 确保',
);

/** Words that, left alone as a metric, name no quantity (今后5年, 提高2个百分点): no target. */
export const NOT_METRICS: ReadonlySet<string> = new Set([
  ...LEADING_STOP_WORDS,
  ...TRAILING_STOP_WORDS,
  ...words(
    '今后 过去 未来 近 这 其中 提高 提升 增长 增加 下降 降低 减少 用 历时 新建 新增 改造 实施 完成 培育 建成 支持 累计',
  ),
]);

/** Words that open a from→to phrase (从10.2年提高到10.8年): the first number is not the target. */
export const FROM_WORDS = chars('从由');

/** Characters that make an adjacent number a code, formula, range or time (1+3+N, 2021—2025). */
export const CODE_NEIGHBOURS = chars('+＋-－−—–/／×*=~～#_@&');

/** Characters that make a number a position in an order: 第二气源. */
export const ORDINAL_MARKS = chars('第');

/** Opening and closing quotes: a number inside them belongs to a name or slogan (“1+3+N”). */
export const QUOTE_OPENERS = chars('“《「『〈');
export const QUOTE_CLOSERS = chars('”》」』〉');
