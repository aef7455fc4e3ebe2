import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from './xlsx-writer.js';

// Read back by exceljs: an independent implementation of the format (a test dependency only).
async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const props = { title: '标题 <&>', creator: '乐山市', at: '2026-03-04T05:06:07.000Z' };

describe('writeXlsx', () => {
  it('keeps text with markup characters, line breaks and repeats, numbers as numbers, and empty cells empty', async () => {
    const rows = [
      ['<b>&"x"</b>', 1.5],
      ['第一行\n第二行', -200000000000],
      ['<b>&"x"</b>', null],
    ];
    const workbook = await open(
      writeXlsx(
        [
          {
            name: 'A&B',
            columns: [
              { header: '文字', width: 30 },
              { header: '数', width: 9 },
            ],
            rows,
          },
        ],
        props,
      ),
    );
    const sheet = workbook.getWorksheet('A&B');
    const values: unknown[][] = [];
    sheet?.eachRow((row) => values.push([row.getCell(1).value, row.getCell(2).value]));
    expect(values).toEqual([['文字', '数'], ...rows]);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).getCell(1).alignment).toMatchObject({
      vertical: 'top',
      wrapText: true,
    });
    expect([sheet?.getColumn(1).width, sheet?.getColumn(2).width]).toEqual([30, 9]);
    expect(workbook.title).toBe(props.title);
    expect(workbook.creator).toBe(props.creator);
    expect(workbook.modified.toISOString()).toBe(props.at);
  });

  it('names columns past Z with two letters, and drops characters XML cannot carry', async () => {
    const columns = Array.from({ length: 28 }, (_, i) => ({ header: `c${i}`, width: 5 }));
    const row = columns.map((_, i) => (i === 27 ? 'a\u0001b\uD800c' : i));
    const workbook = await open(writeXlsx([{ name: 's', columns, rows: [row] }], props));
    const cell = workbook.getWorksheet('s')?.getCell('AB2');
    expect(cell?.value).toBe('abc');
    expect(workbook.getWorksheet('s')?.getCell('Z2').value).toBe(25);
  });

  it('refuses a number a spreadsheet cannot hold', () => {
    const spec = { name: 's', columns: [{ header: 'n', width: 5 }], rows: [[Number.NaN]] };
    expect(() => writeXlsx([spec], props)).toThrow('A2: NaN is not a finite number');
  });
});
