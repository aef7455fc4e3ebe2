import { describe, expect, it } from 'vitest';
import { indexOfWhole, indexTerms, queryTerms, splitRuns } from './tokenize.js';

describe('tokenize', () => {
  it('splits text into CJK runs and letter/digit runs at anything else', () => {
    expect(
      splitRuns('新建高速公路210公里、5g基站').map((r) => `${r.cls}:${r.chars.join('')}`),
    ).toEqual(['cjk:新建高速公路', 'word:210', 'cjk:公里', 'word:5g', 'cjk:基站']);
  });

  it('indexes every CJK unigram and bigram and whole letter/digit runs', () => {
    const { terms, length } = indexTerms('光伏产业2000亿');
    expect(terms).toEqual(['光', '光伏', '伏', '伏产', '产', '产业', '业', '2000', '亿']);
    // Three bigrams, one digit run and the lone 亿.
    expect(length).toBe(5);
  });

  it('queries by bigrams, by the character itself when alone, and by whole runs', () => {
    expect(queryTerms('伏产')).toEqual(['伏产']);
    expect(queryTerms('乡村振兴')).toEqual(['乡村', '村振', '振兴']);
    expect(queryTerms('光')).toEqual(['光']);
    expect(queryTerms('5g基站')).toEqual(['5g', '基站']);
    expect(queryTerms('210亿')).toEqual(['210', '亿']);
  });

  it('gives no terms for punctuation, symbols and control characters', () => {
    expect(queryTerms('，。！？()[]*+\u0000 \ud800')).toEqual([]);
  });

  it('treats a CJK character outside the BMP as one character', () => {
    expect(queryTerms('𠀀光')).toEqual(['𠀀光']);
    expect(indexTerms('𠀀').terms).toEqual(['𠀀']);
  });
});

describe('issue 17: numbers and percentages are whole terms', () => {
  it('keeps a decimal number whole and indexes a percentage with its sign too', () => {
    expect(indexTerms('控制在5.5%以内').terms).toEqual([
      '控',
      '控制',
      '制',
      '制在',
      '在',
      '5.5',
      '5.5%',
      '以',
      '以内',
      '内',
    ]);
    expect(queryTerms('6%')).toEqual(['6%']);
    expect(queryTerms('4.5%-5%')).toEqual(['4.5%', '5%']);
    expect(queryTerms('第196行')).toEqual(['第', '196', '行']);
    // A point that ends a sentence or joins no digits is no decimal point.
    expect(splitRuns('210.公里').map((r) => r.chars.join(''))).toEqual(['210', '公里']);
    expect(splitRuns('1.2.3').map((r) => r.chars.join(''))).toEqual(['1.2', '3']);
  });

  it('finds a needle only where it does not cut a letter/digit run', () => {
    expect(indexOfWhole('第196行', '6')).toBe(-1);
    expect(indexOfWhole('增长5.6%', '6')).toBe(-1);
    expect(indexOfWhole('增长5.6%', '5')).toBe(-1);
    expect(indexOfWhole('控制在6%以内', '6%')).toBe(3);
    expect(indexOfWhole('16%与6%', '6%')).toBe(4);
    expect(indexOfWhole('建设5g基站', '5g')).toBe(2);
    expect(indexOfWhole('建设5gs', '5g')).toBe(-1);
    expect(indexOfWhole('高速公路', '公路')).toBe(2);
    expect(indexOfWhole('abc', '')).toBe(-1);
  });
});
