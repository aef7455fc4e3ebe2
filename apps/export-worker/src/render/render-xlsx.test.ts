import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listMeasures } from '@leshan/report-core';
import { canonicalEdition } from '../canonical-edition.js';
import { sameBytes } from '../testing/readers.js';
import { syntheticEdition } from '../testing/synthetic-edition.js';
import { atWallClock } from '../testing/wall-clock.js';
import type { ExportInput } from '../schemas.js';
import { renderXlsx } from './render-xlsx.js';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

function column(sheet: ExcelJS.Worksheet, index: number): unknown[] {
  const values: unknown[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) values.push(row.getCell(index).value);
  });
  return values;
}

async function checkEdition(input: ExportInput): Promise<void> {
  const workbook = await open(await renderXlsx(input));
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    '说明',
    '章节',
    '举措',
    '指标',
    '编辑说明',
    '实际值',
    '单位',
    '责任分工',
    '举措与目标',
  ]);
  const measures = listMeasures(input.report);
  const measureSheet = sheet(workbook, '举措');
  const indicatorSheet = sheet(workbook, '指标');
  expect(column(measureSheet, 4)).toEqual(measures.map((m) => m.text));
  // Numbers are stored as numbers: 2000亿元 is the number 200000000000, not text.
  expect(column(indicatorSheet, 5)).toEqual(
    measures.flatMap((m) => m.indicators.map((i) => i.value)),
  );
  expect(
    workbook.worksheets.every((s) => s.views[0]?.state === 'frozen' && s.views[0].ySplit === 1),
  ).toBe(true);
  expect(measureSheet.getColumn(4).width).toBe(80);
}

describe('renderXlsx', () => {
  it('has every measure text and indicator value of the synthetic edition', async () => {
    await checkEdition(syntheticEdition());
  });

  it('has every measure text and indicator value of the canonical report', async () => {
    await checkEdition(canonicalEdition());
  });

  it('names the edition, its hash and the source on the 说明 sheet', async () => {
    const input = syntheticEdition();
    const values = column(sheet(await open(await renderXlsx(input)), '说明'), 2);
    expect(values).toEqual(
      expect.arrayContaining([
        input.edition.id,
        input.edition.hash,
        input.report.meta.source.file,
        input.report.meta.source.sha256,
      ]),
    );
  });

  it('writes byte-identical files for the same edition, stamped with its publication date', async () => {
    const input = syntheticEdition();
    const first = await atWallClock('2030-01-01T00:00:00Z', () => renderXlsx(input));
    const later = await atWallClock('2031-07-15T13:45:30Z', () => renderXlsx(input));
    expect(sameBytes(first, later)).toBe(true);
    expect((await open(first)).created.toISOString()).toBe(input.edition.publishedAt);
  });
});
