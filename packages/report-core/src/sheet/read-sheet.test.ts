import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { applyCommand, applyCommands } from '../edit/apply-command.js';
import { choiceArbitrary, randomCommand } from '../edit/random-command.fixture.js';
import { deepFreeze, smallReport } from '../edit/small-report.fixture.js';
import { listMeasures } from '../model/query.js';
import type { ReadonlyReport } from '../model/readonly.js';
import type { SheetCell } from './columns.js';
import { SHEET_COLUMNS, sheetColumn } from './columns.js';
import { csvFile, decodeText, parseCsv } from './csv.js';
import { readSheet } from './read-sheet.js';
import { sheetRows, sheetTable } from './rows.js';
import { writeXlsx } from './xlsx-write.js';
import { readXlsx } from './xlsx-read.js';

const headers = SHEET_COLUMNS.map((c) => c.header);
const at = (key: string) => SHEET_COLUMNS.findIndex((c) => c.key === key);
let n = 0;
const ids = { newId: (prefix: string) => `${prefix}-sheet${String((n += 1)).padStart(4, '0')}` };

const viaCsv = (report: ReadonlyReport): SheetCell[][] => {
  const parsed = parseCsv(decodeText(csvFile(headers, sheetRows(report))));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.rows;
};
const viaXlsx = (report: ReadonlyReport): SheetCell[][] => {
  const bytes = writeXlsx(
    [
      {
        name: '举措与指标',
        columns: SHEET_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
        rows: sheetRows(report),
      },
    ],
    { title: 't', creator: 'c', at: '2026-01-01T00:00:00.000Z' },
  );
  const parsed = readXlsx(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.rows;
};

/** A row of the table (the test's own index: a missing one is a fault of the test). */
function rowOf(table: SheetCell[][], index: number): SheetCell[] {
  const row = table[index];
  if (row === undefined) throw new Error(`no row ${index}`);
  return row;
}

function expectNoOp(report: ReadonlyReport, table: SheetCell[][]): void {
  const reading = readSheet(report, table, ids);
  expect(reading.errors).toEqual([]);
  expect(reading.rows.filter((r) => r.status !== 'unchanged')).toEqual([]);
  expect(reading.commands).toEqual([]);
}

/** A report after a random edit sequence (chapters, measures, targets, updates, notes …). */
const randomReport = fc.array(choiceArbitrary, { minLength: 5, maxLength: 40 }).map((choices) => {
  let report: ReadonlyReport = smallReport();
  choices.forEach((x, i) => {
    const applied = applyCommand(report, randomCommand(report, x, i));
    if (applied.ok) report = deepFreeze(applied.value.report);
  });
  return report;
});

describe('the measures-and-targets sheet round trip', () => {
  it('has one row per canonical measure (76) and one per target (24), each read back unchanged', () => {
    const table = sheetTable(canonicalReport);
    const rows = table.slice(1);
    expect(rows.filter((r) => r[at('indicator_id')] === null)).toHaveLength(76);
    expect(rows.filter((r) => r[at('indicator_id')] !== null)).toHaveLength(24);
    expectNoOp(canonicalReport, table);
    expect(readSheet(canonicalReport, table).counts).toEqual({
      unchanged: 100,
      change: 0,
      error: 0,
    });
  });

  it('reads its own CSV and XLSX back unchanged (the canonical report)', () => {
    expectNoOp(canonicalReport, viaCsv(canonicalReport));
    expectNoOp(canonicalReport, viaXlsx(canonicalReport));
  });

  it('property: any report’s sheet, as cells, CSV or XLSX, reads back as all unchanged', () => {
    fc.assert(
      fc.property(randomReport, (report) => {
        expectNoOp(report, sheetTable(report));
        expectNoOp(report, viaCsv(report));
        expectNoOp(report, viaXlsx(report));
      }),
      { numRuns: 40 },
    );
  });
});

/** The 76 measure rows of the canonical sheet, each with a new update filled in. */
function updateSheet(): SheetCell[][] {
  const rows = sheetRows(canonicalReport).filter((r) => r[at('indicator_id')] === null);
  rows.forEach((row, i) => {
    row[at('update_date')] = '2025-06-30';
    row[at('update_status')] = '推进中';
    row[at('update_progress')] = 50;
    row[at('update_note')] = `第 ${i + 1} 项已按计划推进`;
    row[at('update_evidence')] = 'https://www.leshan.gov.cn/notice';
  });
  return [headers, ...rows];
}

describe('readSheet: the 76-row upload with three bad rows (issue 18 acceptance)', () => {
  it('gives 73 progress.add commands and lists the three by row and column with reasons', () => {
    const table = updateSheet();
    rowOf(table, 5)[at('update_date')] = '2025-02-30'; // row 6: a day that does not exist
    rowOf(table, 20)[at('measure_id')] = 'm999'; // row 21: an unknown measure
    rowOf(table, 40)[at('update_evidence')] = 'www.example.com/x'; // row 41: not an http(s) URL
    const reading = readSheet(canonicalReport, table, ids);
    expect(reading.counts).toEqual({ unchanged: 0, change: 73, error: 3 });
    expect(reading.rows.filter((r) => r.status === 'error').flatMap((r) => r.errors)).toEqual([
      expect.objectContaining({
        row: 6,
        column: '新进展日期',
        message: '新进展日期“2025-02-30”不是有效的日期',
      }),
      expect.objectContaining({ row: 21, column: '举措编号', message: '举措编号“m999”不存在' }),
      expect.objectContaining({
        row: 41,
        column: '新进展佐证链接',
        message: '佐证链接“www.example.com/x”不是有效的网址',
      }),
    ]);
    expect(reading.commands).toHaveLength(73);
    expect(new Set(reading.commands.map((c) => c.type))).toEqual(new Set(['progress.add']));
    const applied = applyCommands(canonicalReport, reading.commands);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const after = listMeasures(applied.value.report);
    expect(after.filter((m) => m.measure.tracking.updates.length === 1)).toHaveLength(73);
    expect(after[0]?.measure.tracking).toMatchObject({ status: 'in-progress', progress: 50 });
  });
});

describe('readSheet errors, in Chinese by row and column', () => {
  const base = () => sheetTable(canonicalReport);
  const firstTarget = () => base().findIndex((r, i) => i > 0 && r[at('indicator_id')] !== null);
  const errorsOf = (table: SheetCell[][]) =>
    readSheet(canonicalReport, table, ids).rows.flatMap((r) => r.errors);

  it('refuses an edit of a read-only column, saying it cannot be changed here and what it was', () => {
    const table = base();
    rowOf(table, 1)[at('text')] = '改过的举措文字';
    rowOf(table, 2)[at('progress')] = 80;
    expect(errorsOf(table)).toEqual([
      expect.objectContaining({ row: 2, column: '举措', message: '“举措”列不能在表格中修改' }),
      expect.objectContaining({
        row: 3,
        column: '进度',
        message: '“进度”列不能在表格中修改',
        fix: '请清空此单元格；修改内容请在编辑器中进行',
      }),
    ]);
  });

  it('names a bad status word, a progress out of range and a missing note', () => {
    const table = base();
    Object.assign(rowOf(table, 1), {
      [at('update_date')]: '2025/6/30',
      [at('update_status')]: '差不多',
      [at('update_progress')]: '120',
    });
    const errors = errorsOf(table);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '新进展状态'],
      [2, '新进展进度'],
      [2, '新进展说明'],
    ]);
    expect(errors[0]?.fix).toContain('推进中');
  });

  it('reads an observation on a target row, and refuses a non-number, an unknown basis word and a missing source', () => {
    const t = firstTarget();
    const table = base();
    Object.assign(rowOf(table, t), {
      [at('observation_date')]: 45657, // Excel's serial of 2024-12-31
      [at('observation_value')]: '1,200',
      [at('observation_basis')]: '当年',
      [at('observation_source')]: '2024年统计公报',
      [at('observation_source_url')]: 'https://tjj.leshan.gov.cn/bulletin',
    });
    const good = readSheet(canonicalReport, table, ids).rows.find((r) => r.row === t + 1);
    expect(good?.commands).toEqual([
      {
        type: 'observation.add',
        indicatorId: rowOf(table, t)[at('indicator_id')],
        observation: expect.objectContaining({
          date: '2024-12-31',
          value: 1200,
          basis: 'annual',
          source: { title: '2024年统计公报', url: 'https://tjj.leshan.gov.cn/bulletin' },
        }),
      },
    ]);
    Object.assign(rowOf(table, t), {
      [at('observation_value')]: '约90公里',
      [at('observation_basis')]: '全年',
      [at('observation_source')]: '',
    });
    expect(errorsOf(table).map((e) => e.column)).toEqual(['实际值', '口径', '来源']);
  });

  it('refuses an observation on a measure row that names a target of another measure', () => {
    const table = base();
    Object.assign(rowOf(table, 1), {
      [at('observation_indicator')]: 'i-nope',
      [at('observation_date')]: '2024-12-31',
      [at('observation_value')]: 1,
      [at('observation_source')]: '公报',
    });
    expect(errorsOf(table)).toEqual([
      expect.objectContaining({ row: 2, column: '新实际值指标编号' }),
    ]);
  });

  it('refuses a second row for the same measure, and a sheet without 举措编号', () => {
    const table = base();
    table.push([...rowOf(table, 1)]);
    expect(errorsOf(table)).toEqual([
      expect.objectContaining({ row: table.length, message: '与第 2 行是同一举措' }),
    ]);
    const headless = base().map((r) => r.slice(1));
    expect(readSheet(canonicalReport, headless).errors).toEqual([
      expect.objectContaining({ row: 1, message: '第 1 行没有“举措编号”列' }),
    ]);
  });

  it('skips empty rows and columns it does not know, and matches headers by key too', () => {
    const table = base().map((r) => [...r, '我的备注']);
    table.splice(
      3,
      0,
      headers.map(() => ''),
    );
    table[0] = SHEET_COLUMNS.map((c) => c.key).concat('mine');
    expectNoOp(canonicalReport, table);
    expect(sheetColumn('update_note').header).toBe('新进展说明');
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks in cells, BOM, CRLF and the formula guard', () => {
    const text = '\uFEFFa,b,c\r\n"x, ""y""","第一行\r\n第二行",\'=1+1\r\n,,last\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ['a', 'b', 'c'],
        ['x, "y"', '第一行\r\n第二行', '=1+1'],
        ['', '', 'last'],
      ],
    });
  });

  it('refuses an unclosed quote with its row', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toMatchObject({
      ok: false,
      error: { row: 2, message: '有一个引号没有闭合，之后的内容无法读取' },
    });
  });

  it('decodes the GB18030 that Excel on Chinese Windows saves as CSV', () => {
    const gbk = new Uint8Array([0xbe, 0xd9, 0xb4, 0xeb, 0x2c, 0x61]); // 举措,a
    expect(decodeText(gbk)).toBe('举措,a');
  });
});

describe('readXlsx refuses what is not a small workbook', () => {
  it('refuses bytes that are not a zip', () => {
    expect(readXlsx(new TextEncoder().encode('a,b\n'))).toMatchObject({
      ok: false,
      error: { message: '文件不是有效的 .xlsx 工作簿（无法解压）' },
    });
  });

  it('refuses a zip bomb by the declared size before inflating it', () => {
    const bomb = zipSync(
      { 'xl/worksheets/sheet1.xml': new Uint8Array(41 * 1024 * 1024) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200_000);
    expect(readXlsx(bomb)).toMatchObject({
      ok: false,
      error: { message: '文件解压后过大（可能是压缩炸弹或表格过大）' },
    });
  });

  it('refuses a DOCTYPE (entity expansion)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const zip = zipSync({
      'xl/workbook.xml': enc(
        '<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>',
      ),
    });
    expect(readXlsx(zip)).toMatchObject({
      ok: false,
      error: { message: '文件含有不允许的 XML 声明（DOCTYPE）' },
    });
  });
});
