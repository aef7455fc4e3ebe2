import { describe, expect, it } from 'vitest';
import { formatChineseValue } from './chinese-number.js';

describe('formatChineseValue', () => {
  it('writes large amounts with 亿, 万亿 and 万 as the report does', () => {
    expect(formatChineseValue(200_000_000_000, '元')).toBe('2000亿元');
    expect(formatChineseValue(1_200_000_000_000, '元')).toBe('1.2万亿元');
    expect(formatChineseValue(15_000, '个')).toBe('1.5万个');
    expect(formatChineseValue(250_000_000, '立方米')).toBe('2.5亿立方米');
  });

  it('keeps small values, percentages and multiples as plain numbers', () => {
    expect(formatChineseValue(210, '公里')).toBe('210公里');
    expect(formatChineseValue(65_000, '%')).toBe('65000%');
    expect(formatChineseValue(2, '倍')).toBe('2倍');
    expect(formatChineseValue(0.1 + 0.2, '%')).toBe('0.3%');
    expect(formatChineseValue(-30_000, '元')).toBe('-3万元');
  });
});
