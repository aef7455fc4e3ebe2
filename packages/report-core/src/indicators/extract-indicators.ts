import type { Comparator } from '../model/indicator.js';
import type { ExtractedIndicator } from './extracted-indicator.js';
import { metricAfter, metricBefore } from './metric.js';
import type { Quantity } from './read-quantity.js';
import { readQuantityAt } from './read-quantity.js';
import { baselineBefore, readRelativeTarget } from './relative-target.js';
import { ScanState } from './scan-state.js';
import { CONJUNCTIONS, FROM_WORDS, QUANTITY_ENDS, SUFFIX_COMPARATOR_INDEX } from './wording.js';

/** What one step of the scan produced: maybe an indicator, and where to go on. */
interface Step {
  next: number;
  indicator?: ExtractedIndicator;
}

/** True when the quantity's phrase ends at i: the number stood alone, not as a qualifier. */
function phraseEndsAt(text: string, i: number): boolean {
  const ch = text[i];
  return ch === undefined || QUANTITY_ENDS.has(ch);
}

function indicator(
  metric: string,
  raw: string,
  q: Pick<Quantity, 'value' | 'unit' | 'comparator'>,
  state: ScanState,
): ExtractedIndicator {
  return {
    metric,
    value: q.value,
    unit: q.unit,
    comparator: q.comparator,
    raw,
    aspirational: state.aspirational,
  };
}

/** 翻一番 / 倍增 at i, with its baseline year (较2020年翻一番). */
function relativeStep(text: string, i: number, state: ScanState): Step | undefined {
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
    metric,
    text.slice(start, end),
    { value: target.value, unit: '倍', comparator },
    state,
  );
  if (found !== undefined && start === found.start) result.baseline = found.baseline;
  state.claimedUntil = end;
  return { next: end, indicator: result };
}

/** A number with its unit at i: a target, a from-value, or a name to pass over. */
function quantityStep(text: string, i: number, state: ScanState): Step | undefined {
  const read = readQuantityAt(text, i);
  if (read === undefined) return undefined;
  if ('skipTo' in read) return { next: Math.max(read.skipTo, i + 1) };
  const q = read.quantity;
  if (FROM_WORDS.has(text[q.start - 1] ?? '')) {
    state.fromWord = q.start - 1;
    return { next: q.end };
  }
  const raw = text.slice(q.start, q.end);
  if (phraseEndsAt(text, q.end)) {
    // "noun + number": the metric is the clause before, cut at a from→to phrase's 从.
    const from =
      state.fromWord >= state.metricStart && state.fromWord < q.start ? state.fromWord : q.start;
    const metric = metricBefore(text, state.metricStart, from);
    if (metric === undefined) return { next: q.end };
    // 210公里和铁路170公里: the joining word belongs to neither metric.
    state.claimedUntil = CONJUNCTIONS.has(text[q.end] ?? '') ? q.end + 1 : q.end;
    return { next: q.end, indicator: indicator(metric, raw, q, state) };
  }
  // "number + 个 + noun" (培育2个以上500亿元经济强县); Chinese numerals there are slogans (四个不摘).
  if (q.kind !== 'counter' || q.script !== 'arabic') return { next: q.end };
  const after = metricAfter(text, q.end);
  if (after === undefined) return { next: q.end };
  const [metric, metricEnd] = after;
  state.claimedUntil = metricEnd;
  state.suppressUntil = metricEnd;
  return { next: q.end, indicator: indicator(metric, raw, q, state) };
}

/**
 * The quantitative targets in a text, in order of appearance: 新建高速公路210公里 →
 * { metric: 高速公路, value: 210, unit: 公里, … }. One pass with bounded look-around, so the
 * time is linear in the text's length; never throws, whatever the input.
 */
export function extractIndicators(text: string): ExtractedIndicator[] {
  if (typeof text !== 'string') return [];
  const found: ExtractedIndicator[] = [];
  const state = new ScanState();
  let i = 0;
  while (i < text.length) {
    const step =
      state.quoted || i < state.suppressUntil
        ? undefined
        : (relativeStep(text, i, state) ?? quantityStep(text, i, state));
    if (step === undefined) {
      state.observe(text, i);
      i += 1;
      continue;
    }
    if (step.indicator !== undefined) found.push(step.indicator);
    i = step.next;
  }
  return found;
}
