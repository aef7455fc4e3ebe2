import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, splitRuns } from './tokenize.js';

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
