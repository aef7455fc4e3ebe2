import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';

describe('parseQuery', () => {
  it('splits on any whitespace, including the ideographic space, after normalising', () => {
    expect(parseQuery(' 光伏\u3000ＡＢ\t210 ')).toEqual([
      { text: '光伏', terms: ['光伏'] },
      { text: 'ab', terms: ['ab'] },
      { text: '210', terms: ['210'] },
    ]);
  });

  it('drops parts without letters, digits or CJK and merges repeats', () => {
    expect(parseQuery('光伏 ！ 光伏 .*')).toEqual([{ text: '光伏', terms: ['光伏'] }]);
  });

  it('gives nothing for empty, blank or non-string queries', () => {
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery(' \n\u3000')).toEqual([]);
    expect(parseQuery(undefined)).toEqual([]);
    expect(parseQuery(42)).toEqual([]);
  });
});
