import { wordIndex } from './word-index.js';
import { LEADING_STOP_WORDS, METRIC_ENDS, NOT_METRICS, TRAILING_STOP_WORDS } from './wording.js';

/** The schema's limit on a metric; a longer "noun phrase" is a run-on text, not a name. */
export const MAX_METRIC_LENGTH = 200;

const LEADING = wordIndex(LEADING_STOP_WORDS);
const TRAILING = wordIndex(TRAILING_STOP_WORDS);

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch.trim() === '';
}

/**
 * The span [start, end) of text with whitespace, leading verbs and trailing verbs removed,
 * never stripping a word that is the whole phrase (so 支持 stays 支持 rather than vanishing).
 */
export function trimMetricSpan(
  text: string,
  start: number,
  end: number,
): readonly [number, number] {
  let s = start;
  let e = end;
  for (let changed = true; changed && s < e;) {
    changed = false;
    while (s < e && isSpace(text[s])) s += 1;
    while (e > s && isSpace(text[e - 1])) e -= 1;
    const lead = LEADING.startingAt(text, s)?.[0];
    if (lead !== undefined && e - s > lead.length) {
      s += lead.length;
      changed = true;
    }
    const trail = TRAILING.endingAt(text, e)?.[0];
    if (trail !== undefined && e - s > trail.length) {
      e -= trail.length;
      changed = true;
    }
  }
  return [s, e];
}

/**
 * A span fit to be a metric: not empty, not a bare verb or time word, and not beginning or
 * ending inside a surrogate pair (which would not be text).
 */
function isMetricSpan(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if ((first >= 0xdc00 && first <= 0xdfff) || (last >= 0xd800 && last <= 0xdbff)) return false;
  return end - start > 3 || !NOT_METRICS.has(text.slice(start, end));
}

/** The metric of a "noun + number" target: the clause before the number, trimmed, as [start, end). */
export function metricBefore(
  text: string,
  clauseStart: number,
  numberStart: number,
): readonly [number, number] | undefined {
  const from = Math.max(clauseStart, numberStart - MAX_METRIC_LENGTH);
  const [s, e] = trimMetricSpan(text, from, numberStart);
  if (!isMetricSpan(text, s, e)) return undefined;
  return [s, e];
}

/**
 * The metric of a "number + 个 + noun" target (培育2个以上500亿元经济强县): the phrase after the
 * quantity up to the next 、，。和, as [start, end) of the metric and where its phrase ends.
 */
export function metricAfter(
  text: string,
  quantityEnd: number,
): readonly [number, number, number] | undefined {
  const limit = Math.min(text.length, quantityEnd + MAX_METRIC_LENGTH);
  let end = quantityEnd;
  while (end < limit && !METRIC_ENDS.has(text[end] ?? '')) end += 1;
  if (end === limit && limit < text.length && !METRIC_ENDS.has(text[end] ?? '')) return undefined;
  const [s, e] = trimMetricSpan(text, quantityEnd, end);
  if (!isMetricSpan(text, s, e)) return undefined;
  return [s, e, end];
}
