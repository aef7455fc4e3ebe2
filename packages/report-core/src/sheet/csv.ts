import type { SheetCell } from './columns.js';
import type { SheetError } from './read-sheet.js';
import { SHEET_LIMITS } from './read-sheet.js';

// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection);
// a leading apostrophe makes them show the text instead. OWASP "CSV Injection".
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as RFC 4180 writes it, with formula-like text neutralised. */
export function csvCell(value: SheetCell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const BOM = '\uFEFF';

/** A whole CSV file: UTF-8 with BOM (so Excel reads Chinese right), CRLF line ends. */
export function csvFile(
  header: readonly string[],
  rows: readonly (readonly SheetCell[])[],
): Uint8Array {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}

/** A file's text: UTF-8 (with or without BOM), else GB18030, which Excel on Chinese Windows saves as “CSV”. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** A file read into rows of cells, or the one error that stops it being read. */
export type SheetParse = { ok: true; rows: SheetCell[][] } | { ok: false; error: SheetError };

const tooMany = (): SheetParse => ({
  ok: false,
  error: {
    row: SHEET_LIMITS.rows + 2,
    column: null,
    message: `表格超过 ${SHEET_LIMITS.rows} 行`,
    fix: '请分批上传',
  },
});

/**
 * Parses CSV text (RFC 4180: quoted cells with "" and line breaks; CRLF, LF or CR line ends; a
 * leading BOM). A cell the writer guarded against formula injection ('=…) reads back as written
 * before the guard. Never throws: an unclosed quote or a sheet over the limits is an error.
 */
export function parseCsv(input: string): SheetParse {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteRow = 0;
  const endCell = () => {
    row.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (c === ',') endCell();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      if (rows.length > SHEET_LIMITS.rows + 1) return tooMany();
    } else cell += c;
    if (row.length > SHEET_LIMITS.columns) {
      return {
        ok: false,
        error: {
          row: rows.length + 1,
          column: null,
          message: `一行超过 ${SHEET_LIMITS.columns} 列`,
          fix: '请上传从本页下载的表格',
        },
      };
    }
  }
  if (quoted) {
    return {
      ok: false,
      error: {
        row: quoteRow,
        column: null,
        message: '有一个引号没有闭合，之后的内容无法读取',
        fix: '请用表格软件重新另存为 CSV，或补上缺少的英文双引号 "',
      },
    };
  }
  if (cell !== '' || row.length > 0) endRow();
  return { ok: true, rows };
}
