import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { canonicalEdition } from '../canonical-edition.js';
import { loadPdfFonts } from './pdf-fonts.js';

/**
 * Every character of GB 2312: rows 0xA1–0xF7, cells 0xA1–0xFE of GBK, without the private-use
 * code points GBK maps its user-defined cells to (GB 2312 has 7445 characters).
 */
function gb2312(): string[] {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const chars: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      try {
        const char = decoder.decode(new Uint8Array([row, cell]));
        if (!/\p{Co}/u.test(char)) chars.push(char);
      } catch (_error) {
        // an unassigned code point of the table
      }
    }
  }
  return chars;
}

const missing = (font: fontkit.Font, chars: Iterable<string>): string[] =>
  [...new Set(chars)].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));

describe('the shipped Noto Sans SC subsets', () => {
  const fonts = loadPdfFonts();
  const weights = [
    ['regular', fontkit.create(fonts.regular) as fontkit.Font],
    ['bold', fontkit.create(fonts.bold) as fontkit.Font],
  ] as const;

  it.each(weights)(
    '%s has a glyph for every character of GB 2312 (6763 hanzi and its symbols)',
    (_name, font) => {
      const chars = gb2312();
      expect(chars.length).toBeGreaterThanOrEqual(7445);
      expect(missing(font, chars)).toEqual([]);
    },
  );

  it.each(weights)('%s has a glyph for every character of the canonical report', (_name, font) => {
    const text = JSON.stringify(canonicalEdition().report).replace(/\s/g, '');
    expect(missing(font, text)).toEqual([]);
  });

  it('are the Noto Sans SC fonts under the SIL Open Font License', () => {
    for (const [, font] of weights) {
      expect(font.familyName).toBe('Noto Sans SC');
      expect(font.getName('licenseURL', 'en')).toContain('OFL');
    }
  });
});
