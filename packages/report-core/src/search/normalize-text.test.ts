import { describe, expect, it } from 'vitest';
import { foldHan } from './han-fold.js';
import { foldPiece, isFast, normalizeForSearch, normalizeSearchText } from './normalize-text.js';

describe('normalizeForSearch', () => {
  it('turns full-width ASCII into half-width and folds case', () => {
    expect(normalizeSearchText('５Ｇ基站ＡＢＣ abc')).toBe('5g基站abc abc');
    expect(normalizeSearchText('Straße ΣΊΣΥΦΟΣ')).toBe('strasse σίσυφοσ');
  });

  it('leaves CJK ideographs and CJK punctuation other than full-width ASCII alone', () => {
    expect(normalizeSearchText('晶硅光伏产业，“中国绿色硅谷”。')).toBe(
      '晶硅光伏产业,“中国绿色硅谷”。',
    );
  });

  it('maps every normalized unit back to the original range it came from', () => {
    const input = 'ﬁ５x';
    const { text, starts, ends } = normalizeForSearch(input);
    expect(text).toBe('fi5x');
    expect(starts).toEqual([0, 0, 1, 2]);
    expect(ends).toEqual([1, 1, 2, 3]);
  });

  it('composes a base letter with its combining mark so precomposed and decomposed forms match', () => {
    expect(normalizeSearchText('Cafe\u0301')).toBe(normalizeSearchText('CAFÉ'));
    expect(normalizeForSearch('e\u0301x').ends).toEqual([2, 3]);
  });

  it('passes lone surrogates and control characters through without throwing', () => {
    const input = '\ud800a\udfff\u0000\u0007';
    expect(normalizeSearchText(input)).toBe(input);
  });

  it('keeps a character outside the BMP whole', () => {
    const { text, starts, ends } = normalizeForSearch('𠀀光');
    expect(text).toBe('𠀀光');
    expect(starts).toEqual([0, 0, 2]);
    expect(ends).toEqual([2, 2, 3]);
  });

  it('takes in bulk only characters the slow path would leave as they are (bar ASCII case and 繁→简)', () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      const char = String.fromCharCode(code);
      if (isFast(code))
        expect(foldPiece(char), code.toString(16)).toBe(foldHan(char.toLowerCase()));
    }
  });

  it('issue 17: folds traditional to simplified in bulk runs and in the slow path, keeping positions', () => {
    expect(normalizeSearchText('機場建設')).toBe('机场建设');
    expect(normalizeSearchText('城鎮調查失業率５．５％以內')).toBe('城镇调查失业率5.5%以内');
    // U+F9A8 is a compatibility ideograph: NFKC makes it 令, already simplified.
    expect(normalizeSearchText('\uf9a8')).toBe('令');
    const { text, starts, ends } = normalizeForSearch('乐山機場');
    expect(text).toBe('乐山机场');
    expect(starts).toEqual([0, 1, 2, 3]);
    expect(ends).toEqual([1, 2, 3, 4]);
  });

  it('composes a mark with the last character of a bulk run', () => {
    expect(normalizeForSearch('abe\u0301').ends).toEqual([1, 2, 4]);
    expect(normalizeSearchText('abe\u0301')).toBe('ab\u00e9');
  });
});
