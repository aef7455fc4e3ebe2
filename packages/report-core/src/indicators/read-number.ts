import {
  canStartChineseNumeral,
  chineseDigit,
  chineseNumeralValue,
  isChineseNumeralChar,
} from './chinese-numerals.js';

/** A number read at a position of a text, before any unit. */
export interface NumberToken {
  start: number;
  end: number;
  /** Null when the characters look like a number but do not read as one (十四五). */
  value: number | null;
  script: 'arabic' | 'chinese';
  /** The digits as written, without separators: 2020, 10.2. */
  digits: string;
}

/** 0–9 or full-width ０–９ as its ASCII digit, else undefined. */
export function asciiDigit(code: number): string | undefined {
  if (code >= 0x30 && code <= 0x39) return String.fromCharCode(code);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  return undefined;
}

function digitAt(text: string, i: number): string | undefined {
  return i < text.length ? asciiDigit(text.charCodeAt(i)) : undefined;
}

// Magnitude words after Arabic digits, longest first; 千/百 alone are left to units (1000千伏).
const ARABIC_MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
];

function isGroupOfThree(text: string, i: number): boolean {
  return (
    digitAt(text, i) !== undefined &&
    digitAt(text, i + 1) !== undefined &&
    digitAt(text, i + 2) !== undefined &&
    digitAt(text, i + 3) === undefined
  );
}

/** Arabic digits with thousands separators (1,000 / 1，000) and a decimal part (10.2 / 10．2). */
function readArabic(text: string, start: number): NumberToken {
  let i = start;
  let digits = '';
  for (let d = digitAt(text, i); d !== undefined; d = digitAt(text, i)) {
    digits += d;
    i += 1;
  }
  // A separator counts only after a 1–3 digit head and when exactly three digits follow it.
  if (digits.length <= 3) {
    while ((text[i] === ',' || text[i] === '，') && isGroupOfThree(text, i + 1)) {
      for (let k = 1; k <= 3; k += 1) digits += digitAt(text, i + k) ?? '';
      i += 4;
    }
  }
  if ((text[i] === '.' || text[i] === '．') && digitAt(text, i + 1) !== undefined) {
    digits += '.';
    i += 1;
    for (let d = digitAt(text, i); d !== undefined; d = digitAt(text, i)) {
      digits += d;
      i += 1;
    }
  }
  return { start, end: i, value: Number(digits), script: 'arabic', digits };
}

/** The magnitude word (万, 亿, 万亿 …) at i, if any, as [length, power of ten]. */
export function readMagnitude(text: string, i: number): readonly [number, number] | undefined {
  for (const [word, power] of ARABIC_MAGNITUDES) {
    if (text.startsWith(word, i)) return [word.length, power];
  }
  return undefined;
}

/** Applies a power of ten exactly, by decimal notation rather than floating multiplication. */
export function scale(digits: string, power: number): number {
  return power === 0 ? Number(digits) : Number(`${digits}e${power}`);
}

// Units that begin with 千 or 百: 三千瓦 is three kilowatts, not 3000 瓦.
const UNITS_AFTER_THOUSAND = new Set(['瓦', '伏', '米', '克']);

/** The longest run of Chinese numeral characters at start (with 点 only before a digit). */
function readChinese(text: string, start: number): NumberToken {
  let i = start;
  let seenPoint = false;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) break;
    if (isChineseNumeralChar(ch)) {
      i += 1;
    } else if (
      ch === '点' &&
      !seenPoint &&
      i > start &&
      chineseDigit(text[i + 1] ?? '') !== undefined
    ) {
      seenPoint = true;
      i += 1;
    } else {
      break;
    }
  }
  if (i - start > 1 && text[i - 1] === '千' && UNITS_AFTER_THOUSAND.has(text[i] ?? '')) i -= 1;
  const digits = text.slice(start, i);
  return { start, end: i, value: chineseNumeralValue(digits), script: 'chinese', digits };
}

/** The number starting at i, or undefined when none starts there. */
export function readNumberAt(text: string, i: number): NumberToken | undefined {
  if (digitAt(text, i) !== undefined) return readArabic(text, i);
  const ch = text[i];
  if (ch !== undefined && canStartChineseNumeral(ch)) return readChinese(text, i);
  return undefined;
}
