import type { z } from 'zod';
import type { Command } from '../edit/command-schema.js';
import { applyCommands } from '../edit/apply-command.js';
import { createNodeId } from '../model/ids.js';
import { listMeasures } from '../model/query.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { ObservationSchema } from '../model/follow-up.js';
import {
  EvidenceUrlSchema,
  IsoDateSchema,
  ProgressUpdateSchema,
  TRACKING_STATUS_LABELS,
  TrackingStatusSchema,
} from '../model/tracking.js';
import type { TrackingStatus } from '../model/tracking.js';
import type { SheetCell, SheetColumn, SheetRowSource } from './columns.js';
import { SHEET_COLUMNS, sheetCell, sheetColumn } from './columns.js';

/** A problem in an uploaded sheet: where (row number as the spreadsheet shows it, column header), what, and how to fix it. */
export interface SheetError {
  /** 1 is the header row; data rows start at 2. */
  row: number;
  /** The header of the column, or null for the whole row or sheet. */
  column: string | null;
  message: string;
  fix: string;
}

/** What one data row of an upload does: nothing, commands to apply, or errors (and nothing applied). */
export interface SheetRowResult {
  row: number;
  status: 'unchanged' | 'change' | 'error';
  measureId: string | null;
  indicatorId: string | null;
  commands: Command[];
  errors: SheetError[];
}

/** An upload read against the report. */
export interface SheetReading {
  /** Every non-empty data row, in sheet order. */
  rows: SheetRowResult[];
  /** Problems of the sheet as a whole (a missing 举措编号 column): then no row is read. */
  errors: SheetError[];
  /** The commands of the rows that change something, in row order: applied together, one revision. */
  commands: Command[];
  counts: { unchanged: number; change: number; error: number };
}

/** Options of {@link readSheet}. */
export interface ReadSheetOptions {
  /** Makes the id of each new update ('u') or observation ('obs'); default createNodeId. */
  newId?: (prefix: 'u' | 'obs') => string;
}

/** The limits of an upload: more rows or columns than this is refused as a whole. */
export const SHEET_LIMITS = { rows: 5000, columns: 100, cellCharacters: 10_000 } as const;

/** A cell as text, the way both readers and writers agree on it (trimmed, LF line ends). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return String(cell);
  return cell.replace(/\r\n?/g, '\n').trim();
}

const sameCell = (column: SheetColumn, expected: SheetCell, actual: SheetCell | undefined) => {
  const a = cellText(expected);
  const b = cellText(actual);
  if (a === b) return true;
  if (column.type === 'number' || column.type === 'integer') {
    return a !== '' && b !== '' && Number(a) === Number(b.replace(/,/g, ''));
  }
  return false;
};

const clip = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** Days from 1899-12-30: the date serials Excel stores when someone types a date into a cell. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD (also written 2024/12/31, 2024.12.31 or 2024-1-5, or an Excel date), or null. */
function readDate(cell: SheetCell | undefined): string | null {
  if (typeof cell === 'number') return excelSerialDate(cell);
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(cellText(cell));
  if (match === null) return null;
  const iso = `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
  return IsoDateSchema.safeParse(iso).success ? iso : null;
}

/** A number written plainly (1,234.5 and 60% are read too), or null. */
function readNumber(cell: SheetCell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell)
    .replace(/[,，\s]/g, '')
    .replace(/%$/, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const STATUS_BY_WORD = new Map<string, TrackingStatus>(
  TrackingStatusSchema.options.flatMap((s): [string, TrackingStatus][] => [
    [s, s],
    [TRACKING_STATUS_LABELS[s].zh, s],
  ]),
);
const STATUS_WORDS = TrackingStatusSchema.options
  .map((s) => TRACKING_STATUS_LABELS[s].zh)
  .join('、');

const BASIS_BY_WORD = new Map<string, 'cumulative' | 'annual'>([
  ['累计', 'cumulative'],
  ['cumulative', 'cumulative'],
  ['当年', 'annual'],
  ['annual', 'annual'],
]);

const UPDATE_KEYS = SHEET_COLUMNS.filter((c) => c.group === 'update').map((c) => c.key);
const OBSERVATION_KEYS = SHEET_COLUMNS.filter((c) => c.group === 'observation').map((c) => c.key);
const header = (key: string) => sheetColumn(key).header;

/** The first zod issue's message without its English half: 日期格式应为 YYYY-MM-DD. */
const zhOf = (error: z.ZodError): string =>
  (error.issues[0]?.message ?? '内容无效').replace(/\s*\([^)]*\)\s*$/u, '');

class RowReader {
  readonly errors: SheetError[] = [];
  constructor(
    readonly row: number,
    private readonly cells: readonly SheetCell[],
    private readonly at: ReadonlyMap<string, number>,
  ) {}

  has(key: string): boolean {
    return this.at.has(key);
  }
  cell(key: string): SheetCell | undefined {
    const index = this.at.get(key);
    return index === undefined ? undefined : this.cells[index];
  }
  text(key: string): string {
    return cellText(this.cell(key));
  }
  fail(key: string | null, message: string, fix: string): void {
    this.errors.push({ row: this.row, column: key === null ? null : header(key), message, fix });
  }
  /** The text of an optional column, or undefined when empty. */
  optional(key: string): string | undefined {
    const text = this.text(key);
    return text === '' ? undefined : text;
  }
  url(key: string, what: string): string | undefined {
    const text = this.optional(key);
    if (text !== undefined && !EvidenceUrlSchema.safeParse(text).success) {
      this.fail(
        key,
        `${what}“${clip(text)}”不是有效的网址`,
        '请填写以 http:// 或 https:// 开头的完整网址，或留空',
      );
      return undefined;
    }
    return text;
  }
  date(key: string, what: string): string | undefined {
    const cell = this.cell(key);
    if (cellText(cell) === '') {
      this.fail(key, `缺少${what}`, '请按 YYYY-MM-DD 填写日期，如 2024-12-31');
      return undefined;
    }
    const date = readDate(cell);
    if (date === null) {
      this.fail(
        key,
        `${what}“${clip(cellText(cell))}”不是有效的日期`,
        '请按 YYYY-MM-DD 填写存在的日期，如 2024-12-31',
      );
      return undefined;
    }
    return date;
  }
}

function readUpdate(
  reader: RowReader,
  source: SheetRowSource,
  newId: (prefix: 'u' | 'obs') => string,
): Command | null {
  if (!UPDATE_KEYS.some((k) => reader.text(k) !== '')) return null;
  if (source.indicator !== null) {
    reader.fail(
      'update_date',
      '新进展只能填在举措行',
      '请把新进展填在指标编号为空的那一行（该举措的行）',
    );
    return null;
  }
  const before = reader.errors.length;
  const date = reader.date('update_date', '新进展日期');
  const statusWord = reader.optional('update_status');
  const status = statusWord === undefined ? undefined : STATUS_BY_WORD.get(statusWord);
  if (statusWord !== undefined && status === undefined) {
    reader.fail(
      'update_status',
      `状态“${clip(statusWord)}”无法识别`,
      `请填写 ${STATUS_WORDS} 之一，或留空`,
    );
  }
  let progress: number | undefined;
  if (reader.optional('update_progress') !== undefined) {
    const value = readNumber(reader.cell('update_progress'));
    if (value === null || !Number.isInteger(value) || value < 0 || value > 100) {
      reader.fail(
        'update_progress',
        `进度“${clip(reader.text('update_progress'))}”不是 0 到 100 的整数`,
        '请填写 0 到 100 之间的整数，如 60，或留空',
      );
    } else progress = value;
  }
  const note = reader.optional('update_note');
  if (note === undefined)
    reader.fail('update_note', '缺少新进展说明', '请写明做了什么，如“已完成主体工程”');
  const evidenceUrl = reader.url('update_evidence', '佐证链接');
  if (reader.errors.length > before || date === undefined || note === undefined) return null;
  const parsed = ProgressUpdateSchema.safeParse({
    id: newId('u'),
    date,
    note,
    ...(status === undefined ? {} : { status }),
    ...(progress === undefined ? {} : { progress }),
    ...(evidenceUrl === undefined ? {} : { evidenceUrl }),
  });
  if (!parsed.success) {
    reader.fail('update_note', zhOf(parsed.error), '请按提示修改新进展各列');
    return null;
  }
  return { type: 'progress.add', measureId: source.measure.id, update: parsed.data };
}

function readObservation(
  reader: RowReader,
  source: SheetRowSource,
  newId: (prefix: 'u' | 'obs') => string,
): Command | null {
  if (!OBSERVATION_KEYS.some((k) => reader.text(k) !== '')) return null;
  const before = reader.errors.length;
  const named = reader.optional('observation_indicator');
  const targets = source.measure.indicators.map((i) => i.id);
  let indicatorId: string | undefined;
  if (source.indicator !== null) {
    indicatorId = source.indicator.id;
    if (named !== undefined && named !== indicatorId) {
      reader.fail(
        'observation_indicator',
        `本行是指标 ${indicatorId}，与填写的“${clip(named)}”不符`,
        '在指标行上请留空此列，或填写本行的指标编号',
      );
    }
  } else if (named === undefined) {
    reader.fail(
      'observation_indicator',
      '缺少新实际值的指标编号',
      targets.length === 0
        ? '该举措没有量化指标，无法填写实际值'
        : `请填写该举措的指标编号（${targets.join('、')}），或改填在对应的指标行`,
    );
  } else if (!targets.includes(named)) {
    reader.fail(
      'observation_indicator',
      `指标编号“${clip(named)}”不属于举措 ${source.measure.id}`,
      targets.length === 0
        ? '该举措没有量化指标，无法填写实际值'
        : `请填写 ${targets.join('、')} 之一`,
    );
  } else indicatorId = named;
  const date = reader.date('observation_date', '截至日期');
  let value: number | undefined;
  if (reader.text('observation_value') === '') {
    reader.fail('observation_value', '缺少实际值', '请填写与指标同一基本单位的数字，如 90');
  } else {
    const read = readNumber(reader.cell('observation_value'));
    if (read === null) {
      reader.fail(
        'observation_value',
        `实际值“${clip(reader.text('observation_value'))}”不是数字`,
        '请只填写数字（与指标同一基本单位，如 90），不要带单位或文字',
      );
    } else value = read;
  }
  const basisWord = reader.optional('observation_basis');
  const basis = basisWord === undefined ? undefined : BASIS_BY_WORD.get(basisWord);
  if (basisWord !== undefined && basis === undefined) {
    reader.fail(
      'observation_basis',
      `口径“${clip(basisWord)}”无法识别`,
      '请填写“累计”（自期初起的总量）或“当年”（当年一年的量），或留空（按累计）',
    );
  }
  const title = reader.optional('observation_source');
  if (title === undefined)
    reader.fail(
      'observation_source',
      '缺少来源',
      '请写明数据出处，如“2024年乐山市国民经济和社会发展统计公报”',
    );
  const url = reader.url('observation_source_url', '来源链接');
  const note = reader.optional('observation_note');
  if (
    reader.errors.length > before ||
    indicatorId === undefined ||
    date === undefined ||
    value === undefined ||
    title === undefined
  )
    return null;
  const parsed = ObservationSchema.safeParse({
    id: newId('obs'),
    date,
    value,
    ...(basis === undefined ? {} : { basis }),
    source: { title, ...(url === undefined ? {} : { url }) },
    ...(note === undefined ? {} : { note }),
  });
  if (!parsed.success) {
    reader.fail('observation_source', zhOf(parsed.error), '请按提示修改新实际值各列');
    return null;
  }
  return { type: 'observation.add', indicatorId, observation: parsed.data };
}

/**
 * Reads an uploaded measures-and-targets sheet (`table[0]` the header row, matched by header or
 * key) against the report: each row unchanged, a change (the commands of its filled new-update
 * and new-observation columns) or an error (a read-only cell edited, an unknown id, a bad date,
 * number, URL or word, or commands the report refuses), with Chinese errors by row and column.
 * A row exported by {@link sheetRows} and read back unchanged is unchanged. Rows not in the upload
 * are left as they are. Never throws on bad input.
 */
export function readSheet(
  report: ReadonlyReport,
  table: readonly (readonly SheetCell[])[],
  options: ReadSheetOptions = {},
): SheetReading {
  const newId = options.newId ?? ((prefix) => createNodeId(prefix));
  const empty: SheetReading = {
    rows: [],
    errors: [],
    commands: [],
    counts: { unchanged: 0, change: 0, error: 0 },
  };
  const sheetError = (message: string, fix: string): SheetReading => ({
    ...empty,
    errors: [{ row: 1, column: null, message, fix }],
  });
  const head = table[0];
  if (head === undefined) return sheetError('表格是空的', '请上传从本页下载的表格，第 1 行是列名');
  if (table.length - 1 > SHEET_LIMITS.rows) {
    return sheetError(
      `表格有 ${table.length - 1} 行，超过上限 ${SHEET_LIMITS.rows} 行`,
      '请分批上传',
    );
  }
  if (head.length > SHEET_LIMITS.columns) {
    return sheetError(
      `表格有 ${head.length} 列，超过上限 ${SHEET_LIMITS.columns} 列`,
      '请上传从本页下载的表格',
    );
  }
  const at = new Map<string, number>();
  for (const [index, cell] of head.entries()) {
    const name = cellText(cell);
    const column = SHEET_COLUMNS.find((c) => c.header === name || c.key === name);
    if (column === undefined) continue; // a column of the editor's own: ignored
    if (at.has(column.key)) {
      return sheetError(`列“${column.header}”出现了两次`, '请删除重复的列后重新上传');
    }
    at.set(column.key, index);
  }
  if (!at.has('measure_id')) {
    return sheetError(
      '第 1 行没有“举措编号”列',
      '请上传从本页下载的表格，不要修改或删除第 1 行的列名',
    );
  }

  const measures = new Map(listMeasures(report).map((m) => [m.id, m]));
  const seen = new Map<string, number>();
  const rows: SheetRowResult[] = [];
  let current = report;
  for (const [index, cells] of table.entries()) {
    if (index === 0 || cells.every((c) => cellText(c) === '')) continue;
    const reader = new RowReader(index + 1, cells, at);
    const measureId = reader.text('measure_id');
    const indicatorId = reader.text('indicator_id');
    const result = (commands: Command[] = []): SheetRowResult => ({
      row: reader.row,
      status: reader.errors.length > 0 ? 'error' : commands.length > 0 ? 'change' : 'unchanged',
      measureId: measureId === '' ? null : measureId,
      indicatorId: indicatorId === '' ? null : indicatorId,
      commands: reader.errors.length > 0 ? [] : commands,
      errors: reader.errors,
    });
    const tooLong = cells.findIndex(
      (c) => typeof c === 'string' && c.length > SHEET_LIMITS.cellCharacters,
    );
    if (tooLong >= 0) {
      reader.errors.push({
        row: reader.row,
        column: cellText(head[tooLong]) || null,
        message: `单元格超过 ${SHEET_LIMITS.cellCharacters} 字`,
        fix: '请缩短内容',
      });
      rows.push(result());
      continue;
    }
    const measure = measures.get(measureId);
    if (measure === undefined) {
      if (measureId === '')
        reader.fail('measure_id', '缺少举措编号', '请保留下载时的举措编号，不要清空');
      else
        reader.fail(
          'measure_id',
          `举措编号“${clip(measureId)}”不存在`,
          '请使用下载的表格中的举措编号；新举措请在编辑器中添加',
        );
      rows.push(result());
      continue;
    }
    const indicator =
      indicatorId === '' ? null : (measure.indicators.find((i) => i.id === indicatorId) ?? null);
    if (indicatorId !== '' && indicator === null) {
      reader.fail(
        'indicator_id',
        `指标编号“${clip(indicatorId)}”不是举措 ${measureId} 的指标`,
        '请使用下载的表格中的指标编号；新指标请在编辑器中添加',
      );
      rows.push(result());
      continue;
    }
    const key = `${measureId}/${indicatorId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reader.fail(
        indicatorId === '' ? 'measure_id' : 'indicator_id',
        `与第 ${earlier} 行是同一${indicatorId === '' ? '举措' : '指标'}`,
        '每个举措、每个指标只保留一行；多条新进展请分次上传',
      );
      rows.push(result());
      continue;
    }
    seen.set(key, reader.row);
    const source: SheetRowSource = { measure, indicator };
    for (const column of SHEET_COLUMNS) {
      if (
        column.input ||
        column.key === 'measure_id' ||
        column.key === 'indicator_id' ||
        !reader.has(column.key)
      )
        continue;
      const expected = sheetCell(report, source, column);
      if (!sameCell(column, expected, reader.cell(column.key))) {
        const was = cellText(expected);
        reader.fail(
          column.key,
          `“${column.header}”列不能在表格中修改`,
          was === ''
            ? '请清空此单元格；修改内容请在编辑器中进行'
            : `请恢复为下载时的内容“${clip(was)}”；修改内容请在编辑器中进行`,
        );
      }
    }
    const commands = [
      readUpdate(reader, source, newId),
      readObservation(reader, source, newId),
    ].filter((c): c is Command => c !== null);
    if (reader.errors.length === 0 && commands.length > 0) {
      const applied = applyCommands(current, commands);
      if (applied.ok) current = applied.value.report;
      else {
        const failed = applied.index === null ? commands[0] : commands[applied.index];
        const zh = applied.issues[0]?.message.zh ?? applied.error.message.zh;
        reader.fail(
          failed?.type === 'progress.add' ? 'update_note' : 'observation_value',
          `无法应用：${zh}`,
          '请按提示修改本行后重新上传',
        );
      }
    }
    rows.push(result(commands));
  }
  const counts = { unchanged: 0, change: 0, error: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { rows, errors: [], commands: rows.flatMap((r) => r.commands), counts };
}
