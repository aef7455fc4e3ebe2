import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractedIndicatorSchema } from './extracted-indicator.js';
import { extractIndicators } from './index.js';

// Any UTF-16 code unit: lone surrogates, control characters, private use, full-width forms.
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

// Pieces of real targets, so random texts reach the deep paths rather than only plain characters.
const fragment = fc.constantFrom(
  ...(
    '2000 1，000 1,000 10.2 １２ 三千 一万二千 百分之 四十 十四五 二〇二五 亿 万 万亿 元 公里 个 家 % 千伏 年 ' +
    '个百分点 以上 以内 左右 不少于 突破 约 余 翻一番 倍增 较2020年 从 提高到 达到 力争 确保 新建 高速公路 ' +
    '“ ” 《 》 " ， 、 。 ； 和 第 + G : .'
  ).split(' '),
  '\uD83D',
  '\uDE00',
  '\u0000',
  '\n',
  ' ',
);

const text = fc
  .array(fc.oneof(anyCodeUnit, fragment, fragment), { maxLength: 80 })
  .map((parts) => parts.join(''));

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const MB = 1 << 20;

describe('extractIndicators on arbitrary input', () => {
  it('never throws, and reports only valid indicators whose raw and metric are in the text', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const found of extractIndicators(input)) {
          expect(ExtractedIndicatorSchema.safeParse(found).success).toBe(true);
          expect(input).toContain(found.raw);
          expect(input).toContain(found.metric);
          if (found.baseline !== undefined)
            expect(found.raw.startsWith(found.baseline.raw)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any code units at all', () => {
    fc.assert(
      fc.property(fc.array(anyCodeUnit, { maxLength: 200 }), (units) => {
        expect(Array.isArray(extractIndicators(units.join('')))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns nothing, without throwing, for values that are not strings', () => {
    const values: unknown[] = [undefined, null, 42, {}, []];
    for (const value of values) expect(extractIndicators(value as string)).toEqual([]);
  });

  it.each([
    ['a report sentence repeated', '力争新增规上工业企业200家、百亿龙头企业10家。', 2],
    ['"number + 个 + noun" repeated', '培育2个以上500亿元经济强县，', 1],
    ['digits only', '1', 0],
    ['Chinese numerals only', '一万二千', 0],
    ['an unclosed quote', '“', 0],
    ['modal words only', '力争', 0],
    ['one endless clause', '高速公路', 0],
    ['thousands separators', '1，000，', 0],
  ])('finishes a 1 MB text of %s', (_what, unit, perUnit) => {
    const input = repeatTo(unit, MB);
    const found = extractIndicators(input);
    expect(found.length).toBeGreaterThanOrEqual(perUnit * Math.floor(MB / unit.length) - perUnit);
    expect(found.length).toBeLessThanOrEqual(perUnit * Math.ceil(MB / unit.length));
  });

  it('finishes a 1 MB text with no clause break before its one number', () => {
    const input = `${repeatTo('高速公路', MB)}210公里。`;
    expect(extractIndicators(input)).toEqual([
      {
        metric: '高速公路'.repeat(50),
        raw: '210公里',
        value: 210,
        unit: '公里',
        comparator: 'eq',
        kind: 'level',
        commitment: 'unstated',
        aspirational: false,
      },
    ]);
  });
});
