import type { Comparator } from '../model/indicator.js';
import type { ExtractedIndicator } from './extracted-indicator.js';
import { ExtractedIndicatorSchema } from './extracted-indicator.js';
import { foldText } from './fold-text.js';
import { metricAfter, metricBefore } from './metric.js';
import type { Quantity } from './read-quantity.js';
import { readQuantityAt } from './read-quantity.js';
import { readRangeAt } from './read-range.js';
import { baselineBefore, readRelativeTarget } from './relative-target.js';
import { ScanState } from './scan-state.js';
import { targetKind } from './target-kind.js';
import { CONJUNCTIONS, FROM_WORDS, QUANTITY_ENDS, SUFFIX_COMPARATOR_INDEX } from './wording.js';

const SUPPORT_WORDS = /^(?:支持|扶持|帮扶|资助|奖补|补助)/u;

/** What one step of the scan produced: maybe an indicator, and where to go on. */
interface Step {
  next: number;
  indicator?: ExtractedIndicator;
}

/** The text as scanned (folded) and as written (original): spans cut the original. */
interface Texts {
  folded: string;
  original: string;
}

/** True when the quantity's phrase ends at i: the number stood alone, not as a qualifier. */
function phraseEndsAt(text: string, i: number): boolean {
  const ch = text[i];
  // 赤字率拟按3%安排: the amount is the target, 安排 only says it is planned.
  return ch === undefined || QUANTITY_ENDS.has(ch) || text.startsWith('安排', i);
}

const RATE_ENDING = /(?:增长|下降|降低|提高|提升|减少)$/u;
const LEVEL_ONLY = /^(?:达到|达|突破|超过|提高到|提升到|增加到|增长到|降至|降到)$/u;

/**
 * The kind the clause's words give; a listed item with none takes the kind of the item before
 * it (新建高速公路210公里、铁路170公里: the railway is new too).
 */
function kindOf(
  text: string,
  metric: readonly [number, number],
  numberStart: number,
  unit: string,
  state: ScanState,
): NonNullable<ExtractedIndicator['kind']> {
  const stated = targetKind(text, state.metricStart, metric, numberStart, unit);
  const listed = text[state.clauseStart - 1] === '、' || state.metricStart === state.claimedUntil;
  const kind = stated ?? (listed ? state.listKind : undefined) ?? 'level';
  state.listKind = kind;
  return kind;
}

function indicator(
  t: Texts,
  metric: readonly [number, number],
  raw: readonly [number, number],
  q: Pick<Quantity, 'value' | 'unit' | 'comparator'> & { upper?: number },
  state: ScanState,
): ExtractedIndicator {
  return {
    metric: t.original.slice(metric[0], metric[1]),
    value: q.value,
    ...(q.upper === undefined ? {} : { upper: q.upper }),
    unit: q.unit,
    comparator: q.comparator,
    kind: kindOf(t.folded, metric, raw[0], q.unit, state),
    commitment: state.modality === 'plain' ? 'unstated' : state.modality,
    raw: t.original.slice(raw[0], raw[1]),
    aspirational: state.aspirational,
  };
}

/** 翻一番 / 倍增 at i, with its baseline year (较2020年翻一番). */
function relativeStep(t: Texts, i: number, state: ScanState): Step | undefined {
  const text = t.folded;
  const target = readRelativeTarget(text, i);
  if (target === undefined) return undefined;
  const suffix = SUFFIX_COMPARATOR_INDEX.startingAt(text, target.end);
  const end = target.end + (suffix?.[0].length ?? 0);
  // 倍增计划 names a plan: only a target that ends its phrase counts.
  if (!phraseEndsAt(text, end)) return { next: end };
  const found = baselineBefore(text, i);
  const start = found !== undefined && found.start >= state.metricStart ? found.start : i;
  const metric = metricBefore(text, state.metricStart, start);
  if (metric === undefined) return { next: end };
  const comparator: Comparator = suffix?.[1] ?? 'eq';
  const result = indicator(
    t,
    metric,
    [start, end],
    { value: target.value, unit: '倍', comparator },
    state,
  );
  result.kind = 'level';
  if (found !== undefined && start === found.start)
    result.baseline = {
      year: found.baseline.year,
      raw: t.original.slice(found.start, found.start + found.baseline.raw.length),
    };
  state.claimedUntil = end;
  return { next: end, indicator: result };
}

/** A target that ends its phrase: the metric is the clause before, cut at a from→to phrase's 从. */
function nounFirst(
  t: Texts,
  q: Pick<Quantity, 'start' | 'end' | 'value' | 'unit' | 'comparator'> & { upper?: number },
  state: ScanState,
): Step {
  const from =
    state.fromWord >= state.metricStart && state.fromWord < q.start ? state.fromWord : q.start;
  let metric = metricBefore(t.folded, state.metricStart, from);
  // 全社会用电量增长6%，达到1000亿千瓦时: the second clause's subject is the first one's.
  const previous = state.lastMetric;
  if (
    metric === undefined &&
    previous !== undefined &&
    LEVEL_ONLY.test(t.folded.slice(state.metricStart, from).trim())
  ) {
    const rate = RATE_ENDING.exec(t.folded.slice(previous[0], previous[1]));
    metric = [previous[0], previous[1] - (rate?.[0].length ?? 0)];
  }
  if (metric === undefined) return { next: q.end };
  const found = indicator(t, metric, [q.start, q.end], q, state);
  state.lastMetric = metric;
  // 210公里和铁路170公里: the joining word belongs to neither metric.
  state.claimedUntil = CONJUNCTIONS.has(t.folded[q.end] ?? '') ? q.end + 1 : q.end;
  return { next: q.end, indicator: found };
}

/** A range at i (4.5%-5%, 4.5%至5%, 4.5—5%): one target with a lower and an upper bound. */
function rangeStep(t: Texts, i: number, state: ScanState): Step | undefined {
  const range = readRangeAt(t.folded, i);
  if (range === undefined) return undefined;
  if (!phraseEndsAt(t.folded, range.end)) return { next: range.end };
  return nounFirst(t, range, state);
}

/** A number with its unit at i: a target, a from-value, or a name to pass over. */
function quantityStep(t: Texts, i: number, state: ScanState): Step | undefined {
  const text = t.folded;
  const read = readQuantityAt(text, i);
  if (read === undefined) return undefined;
  if ('skipTo' in read) return { next: Math.max(read.skipTo, i + 1) };
  const q = read.quantity;
  if (FROM_WORDS.has(text[q.start - 1] ?? '')) {
    state.fromWord = q.start - 1;
    return { next: q.end };
  }
  if (phraseEndsAt(text, q.end)) return nounFirst(t, q, state);
  // "number + 个 + noun" (培育2个以上500亿元经济强县); Chinese numerals there are slogans (四个不摘).
  if (q.kind !== 'counter' || q.script !== 'arabic') return { next: q.end };
  const after = metricAfter(text, q.end);
  if (after === undefined) return { next: q.end };
  const [ms, me, phraseEnd] = after;
  // 支持3个重点帮扶县: who gets support, not a quantity the government commits to reach.
  const supported = SUPPORT_WORDS.test(
    text.slice(state.clauseStart, Math.min(q.start, state.clauseStart + 8)),
  );
  const found = supported ? undefined : indicator(t, [ms, me], [q.start, q.end], q, state);
  state.claimedUntil = phraseEnd;
  state.suppressUntil = phraseEnd;
  return found === undefined ? { next: q.end } : { next: q.end, indicator: found };
}

/**
 * The quantitative targets in a text, in order of appearance: 新建高速公路210公里 →
 * { metric: 新建高速公路, value: 210, unit: 公里, kind: increment, … }. Traditional characters
 * and full-width forms read like simplified and half-width ones. One pass with bounded
 * look-around, so the time is linear in the text's length; never throws, whatever the input.
 */
export function extractIndicators(text: string): ExtractedIndicator[] {
  if (typeof text !== 'string') return [];
  const t: Texts = { folded: foldText(text), original: text };
  const found: ExtractedIndicator[] = [];
  const state = new ScanState();
  let i = 0;
  while (i < text.length) {
    const step =
      state.quoted || i < state.suppressUntil
        ? undefined
        : (relativeStep(t, i, state) ?? rangeStep(t, i, state) ?? quantityStep(t, i, state));
    if (step === undefined) {
      state.observe(t.folded, i);
      i += 1;
      continue;
    }
    if (step.indicator !== undefined) found.push(step.indicator);
    i = step.next;
  }
  // A metric or wording the schema refuses (a lone surrogate or a control character in it, say)
  // could never be saved as a target: it is not proposed.
  return found.filter((f) => ExtractedIndicatorSchema.safeParse(f).success);
}
