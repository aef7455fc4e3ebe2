import { describe, expect, it } from 'vitest';
import { cleanLine, isCjk, normalizeLine, splitSourceLines } from './normalize-text.js';

describe('normalizeLine', () => {
  it('writes half-width punctuation next to Chinese text as full-width', () => {
    expect(normalizeLine('深入实施河(湖)长制,推进治理:一是;二是!行吗?')).toBe(
      '深入实施河（湖）长制，推进治理：一是；二是！行吗？',
    );
  });

  it('leaves half-width punctuation between Latin letters and digits alone', () => {
    expect(normalizeLine('1,000 km (approx.): ok')).toBe('1,000 km (approx.): ok');
    expect(normalizeLine('统筹“1+3+N”航空网建设')).toBe('统筹“1+3+N”航空网建设');
  });

  it('turns a final half-width full stop after Chinese into 。 but keeps decimal points', () => {
    expect(normalizeLine('建设枢纽型物流园区.')).toBe('建设枢纽型物流园区。');
    expect(normalizeLine('增长1.5倍')).toBe('增长1.5倍');
  });

  it('reads full-width digits, letters and ％ as ASCII', () => {
    expect(normalizeLine('新建农村公路６０００公里，覆盖率提高到８０％，Ｎ个')).toBe(
      '新建农村公路6000公里，覆盖率提高到80%，N个',
    );
  });

  it('drops stray spaces between Chinese characters and around Chinese punctuation', () => {
    expect(normalizeLine('  建设 创新型　城市 ， 推动  发展。 ')).toBe(
      '建设创新型城市，推动发展。',
    );
  });

  it('keeps one space where asked (the title), collapsing runs', () => {
    expect(normalizeLine('砥砺奋进 　 不断开创', { keepSpaces: true })).toBe('砥砺奋进 不断开创');
  });

  it('removes control and zero-width characters and replaces lone surrogates', () => {
    expect(cleanLine('\u0000建\u200b设\ufeff\u0007')).toBe('建设');
    expect(cleanLine('a\ud800b')).toBe('a\ufffdb');
    expect(cleanLine('😀')).toBe('😀');
  });
});

describe('isCjk', () => {
  it('counts Han characters and Chinese punctuation, not ASCII', () => {
    expect(['乐', '，', '“', '—', '𠀀'].map(isCjk)).toEqual([true, true, true, true, true]);
    expect(['a', '1', ',', ' ', undefined].map(isCjk)).toEqual([false, false, false, false, false]);
  });
});

describe('splitSourceLines', () => {
  it('counts lines the same for LF, CRLF and lone CR, without a phantom last line', () => {
    expect(splitSourceLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitSourceLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(splitSourceLines('a\rb')).toEqual(['a', 'b']);
    expect(splitSourceLines('a\n\n')).toEqual(['a', '']);
  });

  it('drops a leading BOM', () => {
    expect(splitSourceLines('\ufeff标题\n')).toEqual(['标题']);
  });
});
