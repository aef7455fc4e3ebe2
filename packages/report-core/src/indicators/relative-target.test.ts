import { describe, expect, it } from 'vitest';
import { baselineBefore, readRelativeTarget } from './relative-target.js';

describe('readRelativeTarget and baselineBefore', () => {
  it.each([
    ['翻一番', 2],
    ['翻了一番', 2],
    ['翻番', 2],
    ['翻两番', 4],
    ['翻二番', 4],
    ['翻三番', 8],
    ['倍增', 2],
  ])('reads %s as %d times the baseline', (text, value) => {
    expect(readRelativeTarget(text, 0)).toEqual({ end: text.length, value });
  });

  it.each(['翻身', '翻一', '翻了', '倍', ''])('reads nothing in %j', (text) => {
    expect(readRelativeTarget(text, 0)).toBeUndefined();
  });

  it('reads the baseline wording just before the target', () => {
    const text = '总量较２０２０年实现翻一番';
    expect(baselineBefore(text, text.indexOf('翻'))).toEqual({
      start: 2,
      baseline: { year: 2020, raw: '较２０２０年' },
    });
  });

  it.each([
    ['总量翻一番', 'no baseline'],
    ['总量较1800年翻一番', 'a year before 1949'],
    ['总量较12020年翻一番', 'five digits'],
    ['总量在2020年翻一番', 'a word that is not a comparison'],
    ['总量较2020翻一番', 'no 年'],
  ])('finds no baseline in %s (%s)', (text) => {
    expect(baselineBefore(text, text.indexOf('翻'))).toBeUndefined();
  });
});
