import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { listMeasures } from '@leshan/report-core';
import { canonicalEdition } from '../canonical-edition.js';
import { syntheticEdition } from '../testing/synthetic-edition.js';
import type { ExportInput } from '../schemas.js';
import { renderCsvIndicators, renderCsvMeasures } from './render-csv.js';

function read(bytes: Uint8Array): Record<string, string>[] {
  return parse<Record<string, string>>(Buffer.from(bytes), { bom: true, columns: true });
}

// What a cell holds once neutralised: the text, with ' in front if it looked like a formula.
const neutral = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

async function checkEdition(input: ExportInput): Promise<void> {
  const measures = read(await renderCsvMeasures(input));
  const expected = listMeasures(input.report);
  expect(measures.map((r) => r.id)).toEqual(expected.map((m) => m.id));
  expect(measures.map((r) => r.text)).toEqual(expected.map((m) => neutral(m.text)));
  const indicators = read(await renderCsvIndicators(input));
  const all = expected.flatMap((m) => m.indicators.map((i) => ({ ...i, measureId: m.id })));
  expect(indicators.map((r) => [r.id, r.measure_id, Number(r.value), r.unit, r.raw])).toEqual(
    all.map((i) => [i.id, i.measureId, i.value, i.unit, neutral(i.raw)]),
  );
}

describe('renderCsvMeasures and renderCsvIndicators', () => {
  it('hold every measure text and every indicator value of the synthetic edition', async () => {
    await checkEdition(syntheticEdition());
  });

  it('hold every measure text and every indicator value of the canonical report', async () => {
    await checkEdition(canonicalEdition());
  });

  it('neutralise measure texts starting with =, - and @ and show missing titles', async () => {
    const rows = read(await renderCsvMeasures(syntheticEdition()));
    expect(rows.map((r) => r.text?.slice(0, 2))).toEqual(["'=", "'-", "'@"]);
    expect(rows[2]).toMatchObject({
      chapter_number: '2',
      chapter_title: '（原文缺失标题）',
      section: '（原文缺失标题）',
      status: 'completed',
      progress: '100',
    });
    expect(rows[1]).toMatchObject({ status: '', progress: '', indicator_count: '2' });
  });

  it('write UTF-8 with a BOM and CRLF line ends', async () => {
    const bytes = await renderCsvIndicators(syntheticEdition());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    // header + 4 indicators + the empty string after the last CRLF
    expect(text.split('\r\n')).toHaveLength(6);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });
});
