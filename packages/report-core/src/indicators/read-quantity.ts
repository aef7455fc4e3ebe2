import type { Comparator } from '../model/indicator.js';
import { isChineseNumeralChar, isPositionalNumeral } from './chinese-numerals.js';
import type { NumberToken } from './read-number.js';
import { asciiDigit, readMagnitude, readNumberAt, scale } from './read-number.js';
import type { UnitKind } from './units.js';
import { matchUnit } from './units.js';
import {
  CODE_NEIGHBOURS,
  MORE_THAN_MARKS,
  ORDINAL_MARKS,
  PREFIX_COMPARATOR_INDEX,
  SUFFIX_COMPARATOR_INDEX,
} from './wording.js';

/** A number with its unit and comparator words, as written at one place of a text. */
export interface Quantity {
  /** Start of the wording, including a comparator before the number (突破1000亿元). */
  start: number;
  end: number;
  value: number;
  unit: string;
  kind: UnitKind;
  comparator: Comparator;
  script: NumberToken['script'];
}

/** What reading at a position found: a quantity, or only how far to skip (a year, a code …). */
export type QuantityRead = { quantity: Quantity } | { skipTo: number };

// 节约, 制约, 预约 … end in 约 without meaning "about".
const NOT_ABOUT_BEFORE_YUE = new Set('节制预签契条公集简违履邀特之婚');
// A lone 一 is an article (一批, 一刻钟), a lone 十/百/千 part of a word (十年禁渔, 百强, 千年).
const LONE_NOT_NUMBERS = new Set('一壹十拾百佰千仟');

const TIME_OR_VERSION_MARKS = new Set(':：.．');

function isLatinLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

function isDigitAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && asciiDigit(text.charCodeAt(i)) !== undefined;
}

/** A number written as part of a name, code, time or order rather than as an amount. */
function isNotAnAmount(text: string, token: NumberToken): boolean {
  const before = text[token.start - 1];
  const after = text[token.end];
  if (
    before !== undefined &&
    (ORDINAL_MARKS.has(before) || CODE_NEIGHBOURS.has(before) || isLatinLetter(before))
  ) {
    return true;
  }
  if (after !== undefined && (CODE_NEIGHBOURS.has(after) || isLatinLetter(after))) return true;
  // 10:30 and 1.2.3 are times and versions.
  if (before !== undefined && TIME_OR_VERSION_MARKS.has(before) && isDigitAt(text, token.start - 2))
    return true;
  if (after !== undefined && TIME_OR_VERSION_MARKS.has(after) && isDigitAt(text, token.end + 1))
    return true;
  if (token.script === 'chinese') {
    if (before !== undefined && (isChineseNumeralChar(before) || isDigitAt(text, token.start - 1)))
      return true;
    if (isPositionalNumeral(token.digits) || LONE_NOT_NUMBERS.has(token.digits)) return true;
  }
  return false;
}

function prefixComparator(text: string, at: number): readonly [string, Comparator] | undefined {
  const found = PREFIX_COMPARATOR_INDEX.endingAt(text, at);
  if (found?.[0] === '约' && NOT_ABOUT_BEFORE_YUE.has(text[at - 2] ?? '')) return undefined;
  return found;
}

/** Reads the unit, comparators and magnitude around a number whose value is known. */
function completeQuantity(
  text: string,
  numberStart: number,
  afterDigits: number,
  digits: string | null,
  baseValue: number,
  script: NumberToken['script'],
): QuantityRead {
  let j = afterDigits;
  let moreThan = false;
  if (MORE_THAN_MARKS.has(text[j] ?? '')) {
    moreThan = true;
    j += 1;
  }
  let value = baseValue;
  const magnitude = digits === null ? undefined : readMagnitude(text, j);
  if (magnitude !== undefined && digits !== null) {
    value = scale(digits, magnitude[1]);
    j += magnitude[0];
    if (MORE_THAN_MARKS.has(text[j] ?? '')) {
      moreThan = true;
      j += 1;
    }
  }
  const unit = matchUnit(text, j);
  if (unit === undefined || !Number.isFinite(value)) return { skipTo: j };
  // 2025年 is a year, not 2025 years.
  if (unit.unit === '年' && magnitude === undefined && digits !== null && /^\d{4}$/u.test(digits)) {
    return { skipTo: j + unit.length };
  }
  if (unit.kind === 'duration' && script === 'chinese') return { skipTo: j + unit.length };
  j += unit.length;
  const suffix = SUFFIX_COMPARATOR_INDEX.startingAt(text, j);
  if (suffix !== undefined) j += suffix[0].length;
  const prefix = prefixComparator(text, numberStart);
  const comparator: Comparator = suffix?.[1] ?? prefix?.[1] ?? (moreThan ? 'gt' : 'eq');
  const start = numberStart - (prefix?.[0].length ?? 0);
  return {
    quantity: { start, end: j, value, unit: unit.unit, kind: unit.kind, comparator, script },
  };
}

/** 百分之四十: the unit stands in front, so only comparators may follow. */
function readPercentWords(text: string, i: number): QuantityRead {
  const token = readNumberAt(text, i + 3);
  if (token === undefined) return { skipTo: i + 3 };
  const after = text[token.end];
  const isCode = after !== undefined && (CODE_NEIGHBOURS.has(after) || isLatinLetter(after));
  if (
    token.value === null ||
    !Number.isFinite(token.value) ||
    isCode ||
    isPositionalNumeral(token.digits)
  )
    return { skipTo: token.end };
  const suffix = SUFFIX_COMPARATOR_INDEX.startingAt(text, token.end);
  const prefix = prefixComparator(text, i);
  return {
    quantity: {
      start: i - (prefix?.[0].length ?? 0),
      end: token.end + (suffix?.[0].length ?? 0),
      value: token.value,
      unit: '%',
      kind: 'measure',
      comparator: suffix?.[1] ?? prefix?.[1] ?? 'eq',
      script: token.script,
    },
  };
}

/** The quantity written at i (2000亿元, 6%以内, 百分之四十, 三千家), or how far to skip, or undefined. */
export function readQuantityAt(text: string, i: number): QuantityRead | undefined {
  if (text.startsWith('百分之', i)) return readPercentWords(text, i);
  const token = readNumberAt(text, i);
  if (token === undefined) return undefined;
  if (token.value === null || isNotAnAmount(text, token)) return { skipTo: token.end };
  const digits = token.script === 'arabic' ? token.digits : null;
  return completeQuantity(text, token.start, token.end, digits, token.value, token.script);
}
