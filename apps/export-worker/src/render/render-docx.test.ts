import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalEdition } from '../canonical-edition.js';
import { pandoc, sameBytes, squash } from '../testing/readers.js';
import { SCRIPT_PAYLOAD, expectedTexts, syntheticEdition } from '../testing/synthetic-edition.js';
import { atWallClock } from '../testing/wall-clock.js';
import { renderDocx } from './render-docx.js';

function part(bytes: Uint8Array, path: string): string {
  const entry = unzipSync(bytes)[path];
  if (entry === undefined) throw new Error(`no ${path} in the docx`);
  return new TextDecoder().decode(entry);
}

describe('renderDocx', () => {
  it('uses Word heading styles 1–3, a Title and tables for indicators', async () => {
    const xml = part(await renderDocx(canonicalEdition()), 'word/document.xml');
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3'])
      expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThan(5);
    expect(part(await renderDocx(canonicalEdition()), 'word/styles.xml')).toContain(
      'w:styleId="Heading1"',
    );
  });

  it('has every measure text and indicator value, read back by pandoc', async () => {
    for (const input of [syntheticEdition(), canonicalEdition()]) {
      const text = squash(pandoc(await renderDocx(input), 'docx', 'plain', 'docx'));
      const { measures, values } = expectedTexts(input);
      for (const t of [...measures, ...values]) expect(text).toContain(squash(t));
    }
  });

  it('keeps editor markup as text and writes page numbers in the footer', async () => {
    const bytes = await renderDocx(syntheticEdition());
    expect(part(bytes, 'word/document.xml')).toContain('&lt;script&gt;');
    expect(pandoc(bytes, 'docx', 'plain', 'docx')).toContain(SCRIPT_PAYLOAD);
    const footer =
      Object.keys(unzipSync(bytes)).find((p) => /^word\/footer\d*\.xml$/.test(p)) ?? '';
    expect(part(bytes, footer)).toMatch(/PAGE.*NUMPAGES/s);
  });

  it('is byte-identical for the same edition, dated by its publication', async () => {
    const input = syntheticEdition();
    const first = await atWallClock('2030-01-01T00:00:00Z', () => renderDocx(input));
    const later = await atWallClock('2031-07-15T13:45:30Z', () => renderDocx(input));
    expect(sameBytes(first, later)).toBe(true);
    expect(part(first, 'docProps/core.xml')).toContain('>2024-03-05T08:30:00Z</dcterms:created>');
  });
});
