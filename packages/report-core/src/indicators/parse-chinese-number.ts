import { chineseNumeralValue } from './chinese-numerals.js';
import { readMagnitude, readNumberAt, scale } from './read-number.js';

/**
 * The value of a number written the Chinese way, or null when `s` is anything else:
 * '2000亿' → 200000000000, '1，000' → 1000, '１０.５' → 10.5, '三千' → 3000,
 * '一万二千' → 12000, '百分之四十' → 40, '1.5万亿' → 1500000000000. Surrounding spaces are ignored;
 * units are not numbers ('2000亿元' → null).
 */
export function parseChineseNumber(s: string): number | null {
  if (typeof s !== 'string') return null;
  const text = s.trim();
  if (text.startsWith('百分之')) {
    const rest = text.slice(3);
    return rest.startsWith('百分之') ? null : parseChineseNumber(rest);
  }
  const token = readNumberAt(text, 0);
  if (token === undefined) return chineseNumeralValue(text); // 零 cannot start a longer numeral
  if (token.value === null) return null;
  if (token.script === 'chinese') {
    return token.end === text.length ? chineseNumeralValue(text) : null;
  }
  let value = token.value;
  let end = token.end;
  const magnitude = readMagnitude(text, end);
  if (magnitude !== undefined) {
    value = scale(token.digits, magnitude[1]);
    end += magnitude[0];
  }
  return end === text.length && Number.isFinite(value) ? value : null;
}
