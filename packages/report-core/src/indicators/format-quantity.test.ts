import { describe, expect, it } from 'vitest';
import { formatQuantity, formatTarget, parseChineseNumber } from './index.js';

describe('formatQuantity', () => {
  it.each([
    [200000000000, '元', '2000亿元'],
    [70000000, '立方米', '7000万立方米'],
    [6, '%', '6%'],
    [2, '倍', '2倍'],
    [1.5e4, '', '1.5万'],
    [210, '公里', '210公里'],
    [9999, '个', '9999个'],
    [10000, '个', '1万个'],
    [1020000000, '元', '10.2亿元'],
    [1e12, '元', '1万亿元'],
    [1.5e12, '元', '1.5万亿元'],
    [12345, '人', '1.2345万人'],
    [10.8, '年', '10.8年'],
    [0.1 + 0.2, '%', '0.3%'],
    [0, '个', '0个'],
    [-30000, '元', '-3万元'],
    [25000, '%', '25000%'],
    [15000, '百分点', '15000百分点'],
    [65000, '‰', '65000‰'],
    [123456789, '元', '1.23456789亿元'],
  ])('writes (%d, %j) as %j', (value, unit, text) => {
    expect(formatQuantity(value, unit)).toBe(text);
  });

  it('writes non-finite values without throwing', () => {
    expect(formatQuantity(Number.NaN, '个')).toBe('NaN个');
    expect(formatQuantity(Number.POSITIVE_INFINITY, '元')).toBe('Infinity元');
  });

  it('round-trips through parseChineseNumber for magnitudes the viewer shows', () => {
    for (const value of [3, 210, 12000, 70000000, 1020000000, 200000000000, 1.5e12]) {
      expect(parseChineseNumber(formatQuantity(value, ''))).toBe(value);
    }
  });
});

describe('formatTarget', () => {
  it('puts the comparator before the quantity written the Chinese way', () => {
    expect(formatTarget({ comparator: 'gte', value: 200_000_000_000, unit: '元' })).toBe(
      '不低于 2000亿元',
    );
    expect(formatTarget({ comparator: 'eq', value: 15_000, unit: '百分点' })).toBe(
      '达到 15000百分点',
    );
  });
});
