import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './index.js';

describe('parseChineseNumber', () => {
  it.each([
    ['0', 0],
    ['210', 210],
    ['１２００', 1200],
    ['10.2', 10.2],
    ['12．5', 12.5],
    ['1,000', 1000],
    ['1，000', 1000],
    ['12,345,678', 12345678],
    ['2000亿', 200000000000],
    ['7000万', 70000000],
    ['1.5万亿', 1500000000000],
    ['10.2亿', 1020000000],
    ['5千万', 50000000],
    [' 42 ', 42],
  ])('reads Arabic %s as %d', (s, value) => {
    expect(parseChineseNumber(s)).toBe(value);
  });

  it.each([
    ['零', 0],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十五', 25],
    ['一百零五', 105],
    ['三千', 3000],
    ['两千', 2000],
    ['一万二千', 12000],
    ['一万零五', 10005],
    ['二十万', 200000],
    ['三千万', 30000000],
    ['三亿五千万', 350000000],
    ['千亿', 100000000000],
    ['百亿', 10000000000],
    ['一万亿', 1000000000000],
    ['两万亿', 2000000000000],
    ['三点五', 3.5],
    ['十二点零五', 12.05],
    ['壹仟贰佰', 1200],
    ['二〇二五', 2025],
    ['百分之四十', 40],
    ['百分之十五点五', 15.5],
    ['百分之6', 6],
  ])('reads Chinese %s as %d', (s, value) => {
    expect(parseChineseNumber(s)).toBe(value);
  });

  it.each([
    '',
    '   ',
    '十四五',
    '一万二',
    '一百二',
    '一千百',
    '万',
    '亿元',
    '2000亿元',
    '5G',
    '1+3',
    '1,00',
    '1.',
    '三点',
    '百分之',
    '百分之百分之四十',
    '四十个',
    'abc',
    '\uD800',
  ])('refuses %j', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });

  it('returns null rather than throwing on values that are not strings', () => {
    expect(parseChineseNumber(42 as unknown as string)).toBeNull();
    expect(parseChineseNumber(undefined as unknown as string)).toBeNull();
  });
});
