import { describe, expect, it } from 'vitest';
import { FORMAT_LIST, FORMATS, exportFileName, renderFormat } from './formats.js';
import { FORMAT_IDS } from './schemas.js';
import { sameBytes } from './testing/readers.js';
import { syntheticEdition } from './testing/synthetic-edition.js';

describe('FORMATS', () => {
  it('lists every format id once, with a distinct file name and bilingual label', () => {
    expect(FORMAT_LIST.map((f) => f.id)).toEqual([...FORMAT_IDS]);
    const input = syntheticEdition();
    const names = FORMAT_IDS.map((id) => exportFileName(input, id));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('synthetic-ed-7.measures.csv');
    for (const f of FORMAT_LIST) expect(f.label.zh).not.toBe(f.label.en);
  });

  it('renders every format of an edition into the same bytes twice', async () => {
    const input = syntheticEdition();
    for (const id of FORMAT_IDS) {
      const [a, b] = [await renderFormat(input, id), await renderFormat(input, id)];
      expect(a.bytes.length, id).toBeGreaterThan(100);
      expect(sameBytes(a.bytes, b.bytes), id).toBe(true);
      expect(a.mediaType).toBe(FORMATS[id].mediaType);
    }
  });
});
