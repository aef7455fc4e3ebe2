// Chinese numerals (三千, 一万二千, 二〇二五, 三点五): which characters they use and their value.

// Maps rather than object literals: the scanner asks about every character of a text, and a
// missed lookup in a Map stays cheap where `in` on an object walks the prototype chain.
const DIGITS: ReadonlyMap<string, number> = new Map(
  ['零〇', '一壹', '二贰两', '三叁', '四肆', '五伍', '六陆', '七柒', '八捌', '九玖'].flatMap(
    (spellings, value) => [...spellings].map((ch) => [ch, value] as const),
  ),
);
const SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ...[...'十拾'].map((ch) => [ch, 10] as const),
  ...[...'百佰'].map((ch) => [ch, 100] as const),
  ...[...'千仟'].map((ch) => [ch, 1000] as const),
]);
const BIG_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 1e4],
  ['亿', 1e8],
]);

export function chineseDigit(ch: string): number | undefined {
  return DIGITS.get(ch);
}

/** A character that may appear inside a Chinese numeral (not 点, which needs a digit after it). */
export function isChineseNumeralChar(ch: string): boolean {
  return DIGITS.has(ch) || SMALL_UNITS.has(ch) || BIG_UNITS.has(ch);
}

/** A character a Chinese numeral may begin with: a digit other than 零, or 十/百/千 (十五, 千亿). */
export function canStartChineseNumeral(ch: string): boolean {
  return (DIGITS.get(ch) ?? 0) !== 0 || SMALL_UNITS.has(ch);
}

/** True when the numeral is only digits (二〇二五): a year or a code, never a quantity. */
export function isPositionalNumeral(s: string): boolean {
  if (s.length < 2) return false;
  for (const ch of s) if (!DIGITS.has(ch)) return false;
  return true;
}

/**
 * The value of a structured Chinese integer (三千, 一万二千, 一百零五, 千亿), or null when it is
 * not one. Colloquial abbreviations (一万二 for 12000) are refused rather than misread as 10002.
 */
function structuredValue(s: string): number | null {
  let result = 0; // everything already closed by 万 or 亿
  let section = 0; // the part below the next 万/亿
  let pending: number | null = null; // a digit waiting for its unit
  let lastSmall = Infinity; // small units must fall within a section: 千 > 百 > 十
  let lastBig = 0;
  let afterZero = false;
  let any = false;
  for (const ch of s) {
    const digit = DIGITS.get(ch);
    const small = SMALL_UNITS.get(ch);
    const big = BIG_UNITS.get(ch);
    if (digit !== undefined) {
      if (pending !== null) return null; // 十四五: two digits without a unit between
      if (digit === 0) {
        afterZero = true;
        continue;
      }
      pending = digit;
      any = true;
    } else if (small !== undefined) {
      if (small >= lastSmall) return null;
      // 十五, 千亿: a unit opening a section means one of it; elsewhere (一千百) it needs a digit.
      if (pending === null && lastSmall !== Infinity) return null;
      section += (pending ?? 1) * small;
      pending = null;
      lastSmall = small;
      afterZero = false;
      any = true;
    } else if (big !== undefined) {
      if (!any || big === lastBig) return null;
      if (pending !== null && lastSmall !== 10 && lastSmall !== Infinity && !afterZero) return null;
      section += pending ?? 0;
      if (section === 0 && big === 1e4) return null;
      if (big === 1e8) result = (result + section) * 1e8;
      else result += section * 1e4;
      section = 0;
      pending = null;
      lastSmall = Infinity;
      lastBig = big;
      afterZero = false;
    } else {
      return null;
    }
  }
  if (!any) return null;
  // A digit after 百/千/万/亿 with no 零 before it is an abbreviation (一百二 = 120), not 102.
  if (
    pending !== null &&
    lastSmall !== 10 &&
    (lastSmall !== Infinity || lastBig !== 0) &&
    !afterZero
  ) {
    return null;
  }
  return result + section + (pending ?? 0);
}

/** Digits after 点, read one by one (三点一四 → .14); null unless all are digits. */
function fractionDigits(s: string): string | null {
  let out = '';
  for (const ch of s) {
    const digit = DIGITS.get(ch);
    if (digit === undefined) return null;
    out += String(digit);
  }
  return out.length > 0 ? out : null;
}

/** The value of a Chinese numeral with an optional 点 fraction, or null. */
export function chineseNumeralValue(s: string): number | null {
  if (s.length === 0) return null;
  if (s === '零' || s === '〇') return 0;
  if (isPositionalNumeral(s)) return fractionDigits(s) === null ? null : Number(fractionDigits(s));
  const dot = s.indexOf('点');
  const whole = structuredValue(dot === -1 ? s : s.slice(0, dot));
  if (whole === null) return null;
  if (dot === -1) return whole;
  const fraction = fractionDigits(s.slice(dot + 1));
  if (fraction === null) return null;
  const value = Number(`${whole}.${fraction}`);
  return Number.isFinite(value) ? value : null;
}
