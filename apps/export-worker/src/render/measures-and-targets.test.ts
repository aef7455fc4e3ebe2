import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { SHEET_COLUMNS, sheetRows } from '@leshan/report-core';
import { describe, expect, it } from 'vitest';
import { canonicalEdition } from '../canonical-edition.js';
import { DataPackageSchema } from './datapackage-schema.js';
import { renderDatapackage } from './render-datapackage.js';
import { renderXlsx } from './render-xlsx.js';

// Issue 18 point 4: the sheet an editor downloads has "the same columns as the public export of
// measures and targets, plus empty columns for new updates and observations". Both come from
// report-core's SHEET_COLUMNS; these tests read the public files back and compare by header.

const inputHeaders = SHEET_COLUMNS.filter((c) => c.input).map((c) => c.header);
const readOnly = SHEET_COLUMNS.filter((c) => !c.input);

async function publicSheet(): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await renderXlsx(canonicalEdition())) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('举措与目标');
  if (sheet === undefined) throw new Error('no sheet 举措与目标');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(readOnly.map((_c, k) => values[k] ?? null));
  });
  return rows;
}

describe('the public measures-and-targets table is the editor’s sheet without its input columns', () => {
  it('XLSX 举措与目标: the editor’s headers are its headers then the input columns, and its rows are the sheet’s read-only cells', async () => {
    const [header, ...rows] = await publicSheet();
    expect(SHEET_COLUMNS.map((c) => c.header)).toEqual([...(header ?? []), ...inputHeaders]);
    expect(inputHeaders.length).toBeGreaterThan(0);
    const report = canonicalEdition().report;
    expect(rows).toEqual(sheetRows(report, readOnly));
    expect(rows.filter((r) => r[1] === null)).toHaveLength(76);
  });

  it('data package measures_and_targets.csv: a resource with a Table Schema whose titles are the editor’s read-only headers', async () => {
    const files = unzipSync(await renderDatapackage(canonicalEdition()));
    const descriptor = DataPackageSchema.parse(
      JSON.parse(new TextDecoder().decode(files['datapackage.json'])),
    );
    const resource = descriptor.resources.find((r) => r.name === 'measures_and_targets');
    expect(resource?.path).toBe('data/measures_and_targets.csv');
    const schema = resource?.schema;
    if (schema === undefined || typeof schema === 'string') throw new Error('no Table Schema');
    const fields = schema.fields;
    expect(SHEET_COLUMNS.map((c) => c.header)).toEqual([
      ...fields.map((f) => f.title),
      ...inputHeaders,
    ]);
    const bytes = files['data/measures_and_targets.csv'];
    if (bytes === undefined) throw new Error('no data/measures_and_targets.csv');
    const table: unknown = parse(Buffer.from(bytes), { bom: true });
    if (!Array.isArray(table)) throw new Error('not a table');
    expect(table[0]).toEqual(fields.map((f) => f.name));
    expect(table.length - 1).toBe(sheetRows(canonicalEdition().report).length);
    // The tables the data package had keep their place.
    expect(descriptor.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['measures', 'indicators', 'observations']),
    );
  });
});
