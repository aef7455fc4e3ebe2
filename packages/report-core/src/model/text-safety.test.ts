import { describe, expect, it } from 'vitest';
import { findUnsafeCharacter, isSafeText, unsafeTextReason } from './text-safety.js';

describe('unsafeTextReason', () => {
  it('accepts ordinary text, line breaks, tabs, emoji, direction marks and markup', () => {
    for (const text of [
      '乐山',
      'a\tb\nc\r\n',
      '😀 pairs are fine',
      '\u202Eright-to-left',
      '<script>alert(1)</script>',
      '\u00A0no-break space',
    ]) {
      expect(unsafeTextReason(text), JSON.stringify(text)).toBeNull();
      expect(isSafeText(text)).toBe(true);
    }
  });

  it('refuses C0 and C1 controls and DEL, naming the character in both languages', () => {
    expect(unsafeTextReason('a\u0000b')?.zh).toBe('含有不可见的控制字符（U+0000），请删除后重试');
    expect(unsafeTextReason('bell\u0007')?.en).toBe(
      'contains the invisible control character U+0007: remove it',
    );
    expect(unsafeTextReason('del\u007F')?.zh).toMatch(/U\+007F/);
    expect(unsafeTextReason('c1\u0085')?.zh).toMatch(/U\+0085/);
    expect(findUnsafeCharacter('c1\u009F')).toEqual({ kind: 'control', codePoint: 0x9f });
  });

  it('refuses lone surrogates of either half', () => {
    expect(unsafeTextReason('half \uD800 pair')?.zh).toMatch(/代理项/);
    expect(findUnsafeCharacter('\uDC00')).toEqual({ kind: 'lone-surrogate' });
    expect(isSafeText('\uD83D')).toBe(false);
  });
});
