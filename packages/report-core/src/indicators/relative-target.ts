import type { Baseline } from '../model/indicator.js';
import { asciiDigit } from './read-number.js';

/** A target relative to an earlier year: 翻一番 (×2), 翻两番 (×4), 倍增 (×2). */
export interface RelativeTarget {
  end: number;
  /** The multiple of the baseline, reported in 倍. */
  value: number;
}

// 翻N番 doubles N times.
const DOUBLINGS: Readonly<Record<string, number>> = { 一: 1, 两: 2, 二: 2, 三: 3 };

/** The relative target written at i (翻一番, 翻了两番, 翻番, 倍增), if any. */
export function readRelativeTarget(text: string, i: number): RelativeTarget | undefined {
  if (text.startsWith('倍增', i)) return { end: i + 2, value: 2 };
  if (text[i] !== '翻') return undefined;
  let j = i + 1;
  if (text[j] === '了') j += 1;
  const times = DOUBLINGS[text[j] ?? ''];
  if (times !== undefined) j += 1;
  if (text[j] !== '番') return undefined;
  return { end: j + 1, value: 2 ** (times ?? 1) };
}

/** A baseline wording ending at `end` with its start: 较2020年, 比2020年, 与2020年相比. */
export interface BaselineMatch {
  start: number;
  baseline: Baseline;
}

function fourDigitYearEndingAt(text: string, end: number): number | undefined {
  if (end < 4) return undefined;
  let digits = '';
  for (let k = end - 4; k < end; k += 1) {
    const d = asciiDigit(text.charCodeAt(k));
    if (d === undefined) return undefined;
    digits += d;
  }
  // A fifth digit before means this is not a year at all.
  if (end >= 5 && asciiDigit(text.charCodeAt(end - 5)) !== undefined) return undefined;
  const year = Number(digits);
  return year >= 1949 && year <= 2100 ? year : undefined;
}

/**
 * The baseline just before a relative target at `at`, allowing 实现 between
 * (较2020年实现翻一番). Reads a fixed number of characters back, so it costs O(1).
 */
export function baselineBefore(text: string, at: number): BaselineMatch | undefined {
  const end = text.startsWith('实现', at - 2) ? at - 2 : at;
  const withXiangbi = text.startsWith('相比', end - 2);
  const yearEnd = (withXiangbi ? end - 2 : end) - 1;
  if (text[yearEnd] !== '年') return undefined;
  const year = fourDigitYearEndingAt(text, yearEnd);
  if (year === undefined) return undefined;
  const start = yearEnd - 5;
  const word = text[start];
  const ok = withXiangbi ? word === '与' || word === '同' : word === '较' || word === '比';
  if (!ok) return undefined;
  const rawEnd = withXiangbi ? end : yearEnd + 1;
  return { start, baseline: { year, raw: text.slice(start, rawEnd) } };
}
