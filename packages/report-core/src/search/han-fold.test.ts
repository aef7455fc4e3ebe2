import { describe, expect, it } from 'vitest';
import { HAN_FOLD_RANGES, hanFoldPairsFromOpenCC } from '../../scripts/han-fold-pairs.js';
import { foldHan, foldHanCode } from './han-fold.js';
import { HAN_FOLD_PAIRS, HAN_FOLD_SOURCE } from './han-fold-table.js';

describe('foldHan (traditional → simplified for search)', () => {
  it('issue 17: the committed table is exactly what opencc-js gives today (rerun scripts/write-han-fold-table.ts)', () => {
    const fromLibrary = hanFoldPairsFromOpenCC()
      .map(([from, to]) => from + to)
      .join('');
    expect(HAN_FOLD_PAIRS).toBe(fromLibrary);
    expect(HAN_FOLD_SOURCE).toMatch(/^opencc-js \d+\.\d+\.\d+$/u);
  });

  it('folds the characters of traditional report text to the simplified ones', () => {
    expect(foldHan('機場')).toBe('机场');
    expect(foldHan('高速公路建設')).toBe('高速公路建设');
    expect(foldHan('城鎮新增就業1100萬人以上')).toBe('城镇新增就业1100万人以上');
    expect(foldHan('五通橋區')).toBe('五通桥区');
    // Taiwan and Hong Kong variants fold too.
    expect(foldHan('裡')).toBe('里');
  });

  it('leaves simplified text, Latin and symbols as they are (the same string)', () => {
    const text = '乐山机场建设 5G 6% ①';
    expect(foldHan(text)).toBe(text);
  });

  it('is idempotent and maps one code unit to one, over every character it covers', () => {
    for (const [lo, hi] of HAN_FOLD_RANGES) {
      for (let code = lo; code <= hi; code += 1) {
        const once = foldHanCode(code);
        expect(foldHanCode(once), code.toString(16)).toBe(once);
      }
    }
    expect(foldHanCode(0x41)).toBe(0x41);
    expect(foldHan('\ud800機')).toBe('\ud800机');
  });
});
