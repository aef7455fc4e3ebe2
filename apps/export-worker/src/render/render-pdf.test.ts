import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { chapterHeading, chapterLabel } from '@leshan/report-core/labels';
import { canonicalEdition } from '../canonical-edition.js';
import { pdfFonts, pdfText, sameBytes, squash } from '../testing/readers.js';
import { expectedTexts, syntheticEdition } from '../testing/synthetic-edition.js';
import { atWallClock } from '../testing/wall-clock.js';
import { loadPdfFonts } from './pdf-fonts.js';
import { renderPdf } from './render-pdf.js';

describe('renderPdf', () => {
  it('has selectable text with every measure text and indicator value (pdftotext)', async () => {
    for (const input of [syntheticEdition(), canonicalEdition()]) {
      const text = squash(pdfText(await renderPdf(input)));
      const { measures, values } = expectedTexts(input);
      for (const t of [...measures, ...values]) expect(text).toContain(squash(t));
      for (const t of [input.edition.hash, input.report.meta.source.sha256, '目录', '编辑说明'])
        expect(text).toContain(t);
    }
  });

  it('numbers every page 第 N 页 / 共 M 页 and lists chapters with their pages in the contents', async () => {
    const pages = pdfText(await renderPdf(canonicalEdition()))
      .split('\f')
      .filter((p) => p.trim() !== '');
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
    const contents = squash(pages[0] ?? '');
    for (const chapter of canonicalEdition().report.chapters) {
      const label = chapterLabel(chapter.number).zh;
      const page = pages.findIndex((p, i) => i > 0 && squash(p).includes(label)) + 1;
      expect(contents).toContain(`${squash(chapterHeading(chapter))}${page}`);
    }
  });

  it('embeds a subset of Noto Sans SC that has a glyph for every character it shows', async () => {
    const bytes = await renderPdf(canonicalEdition());
    expect(pdfFonts(bytes)).toMatch(
      /[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/,
    );
    const font = fontkit.create(loadPdfFonts().regular) as fontkit.Font;
    const missing = [...new Set(pdfText(bytes).replace(/\s/g, ''))].filter(
      (c) => !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0),
    );
    expect(missing).toEqual([]);
  });

  it('is byte-identical for the same edition, dated by its publication', async () => {
    const input = syntheticEdition();
    const first = await atWallClock('2030-01-01T00:00:00Z', () => renderPdf(input));
    const later = await atWallClock('2031-07-15T13:45:30Z', () => renderPdf(input));
    expect(sameBytes(first, later)).toBe(true);
    expect(new TextDecoder('latin1').decode(first)).toContain('(D:20240305083000Z)');
  });
});
