import { describe, expect, it } from 'vitest';
import {
  SAFE_TEXT_PATTERN,
  findUnsafeCharacter,
  isSafeText,
  unsafeTextReason,
} from './text-safety.js';

describe('unsafeTextReason', () => {
  it('accepts ordinary text, line breaks, tabs, emoji, markup and no-break spaces', () => {
    for (const text of [
      '乐山',
      'a\tb\nc\r\n',
      '😀 pairs are fine',
      '<script>alert(1)</script>',
      '\u00A0no-break space',
      '\u3000全角空格',
    ]) {
      expect(unsafeTextReason(text), JSON.stringify(text)).toBeNull();
      expect(isSafeText(text)).toBe(true);
      expect(SAFE_TEXT_PATTERN.test(text)).toBe(true);
    }
  });

  it('refuses C0 and C1 controls and DEL, naming the character and its position in both languages', () => {
    expect(unsafeTextReason('a\u0000b')?.zh).toBe(
      '含有不可见的控制字符（U+0000，第2个字符），请删除后重试',
    );
    expect(unsafeTextReason('bell\u0007')?.en).toBe(
      'contains the invisible control character U+0007 at character 5: remove it',
    );
    expect(unsafeTextReason('del\u007F')?.zh).toMatch(/U\+007F/);
    expect(unsafeTextReason('c1\u0085')?.zh).toMatch(/U\+0085，第3个字符/);
    expect(findUnsafeCharacter('c1\u009F')).toEqual({
      kind: 'control',
      codePoint: 0x9f,
      position: 3,
    });
  });

  it('issue 15: refuses direction-changing characters, so "0102" cannot display as "2010"', () => {
    for (const code of [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f,
      0x061c,
    ]) {
      const text = `目标${String.fromCodePoint(code)}0102公里`;
      expect(findUnsafeCharacter(text), code.toString(16)).toEqual({
        kind: 'direction',
        codePoint: code,
        position: 3,
      });
      expect(SAFE_TEXT_PATTERN.test(text)).toBe(false);
    }
    expect(unsafeTextReason('建成\u202E0102公里')?.zh).toBe(
      '含有改变文字方向的字符（U+202E 从右至左覆盖，第3个字符），请删除后重试',
    );
  });

  it('issue 15: refuses invisible characters: zero-width space and joiners, word joiner, BOM, soft hyphen', () => {
    for (const code of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]) {
      const text = `建${String.fromCodePoint(code)}设`;
      expect(findUnsafeCharacter(text)?.kind, code.toString(16)).toBe('invisible');
      expect(isSafeText(text)).toBe(false);
    }
    expect(unsafeTextReason('推进\u200B建设')?.en).toBe(
      'contains the invisible character U+200B (zero-width space) at character 3: remove it',
    );
  });

  it('counts the position in characters a reader sees: an emoji before the character counts once', () => {
    expect(findUnsafeCharacter('😀😀\u200b')?.position).toBe(3);
  });

  it('refuses lone surrogates of either half', () => {
    expect(unsafeTextReason('half \uD800 pair')?.zh).toBe(
      '第6个字符是无效的 Unicode 字符（不成对的代理项），请删除后重试',
    );
    expect(findUnsafeCharacter('\uDC00')).toMatchObject({ kind: 'lone-surrogate', position: 1 });
    expect(isSafeText('\uD83D')).toBe(false);
    expect(SAFE_TEXT_PATTERN.test('\uD83D')).toBe(false);
  });
});
