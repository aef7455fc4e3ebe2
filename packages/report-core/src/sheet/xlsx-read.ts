import { unzipSync } from 'fflate';
import type { SheetCell } from './columns.js';
import type { SheetParse } from './csv.js';
import { SHEET_LIMITS } from './read-sheet.js';

// Reads the first worksheet of an .xlsx (a zip of SpreadsheetML parts) into rows of cells: what an
// editor's spreadsheet app saves after editing the downloaded sheet. No XML tree is built (a flat
// scan of <row> and <c>), a DOCTYPE (entity expansion) is refused, and the zip's declared and real
// sizes are bounded, so a zip bomb or a huge sheet is a clear refusal, not a stalled server.

/** The bounds of an uploaded workbook. */
export const XLSX_LIMITS = {
  /** The upload itself. */
  fileBytes: 10 * 1024 * 1024,
  /** One part (the sheet XML, the shared strings) once unzipped. */
  partBytes: 40 * 1024 * 1024,
  /** All parts read, once unzipped. */
  totalBytes: 80 * 1024 * 1024,
} as const;

const refuse = (message: string, fix: string): SheetParse => ({
  ok: false,
  error: { row: 1, column: null, message, fix },
});
const NOT_XLSX = '请上传用 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件，或另存为 CSV 后上传';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The text of every <t> in a fragment (rich-text runs), leaving out phonetic guides (<rPh>). */
function textOf(fragment: string): string {
  const plain = fragment.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let text = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) {
    text += unescapeXml(m[1] ?? '');
  }
  return text;
}

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** 0-based column of a cell reference: A1 → 0, AB7 → 27. */
function columnIndex(ref: string): number | null {
  const letters = /^([A-Z]{1,3})\d+$/.exec(ref)?.[1];
  if (letters === undefined) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellValue(type: string | undefined, body: string, shared: readonly string[]): SheetCell {
  const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
  switch (type) {
    case 's':
      return v === undefined ? null : (shared[Number(v)] ?? null);
    case 'inlineStr':
      return textOf(body);
    case 'str':
    case 'e':
      return v === undefined ? null : unescapeXml(v);
    case 'b':
      return v === undefined ? null : v.trim() === '1';
    case undefined:
    default: {
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : unescapeXml(v);
    }
  }
}

/**
 * The first worksheet of an .xlsx as rows of cells (row 1 first; gaps filled with null). Never
 * throws: a file that is not a workbook, too large, or has too many rows or columns is an error.
 */
export function readXlsx(bytes: Uint8Array): SheetParse {
  if (bytes.length > XLSX_LIMITS.fileBytes) {
    return refuse(
      `文件超过 ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB`,
      '请删去多余的工作表或行后重新上传',
    );
  }
  let parts: Record<string, Uint8Array>;
  let declared = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        const wanted =
          /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(
            file.name,
          );
        if (!wanted) return false;
        declared += file.originalSize;
        if (file.originalSize > XLSX_LIMITS.partBytes || declared > XLSX_LIMITS.totalBytes) {
          // Invariant: never leaves readXlsx — the catch below turns it into the size refusal.
          throw new RangeError('too large');
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RangeError) {
      return refuse(
        '文件解压后过大（可能是压缩炸弹或表格过大）',
        '请只保留从本页下载的那张表后重新上传',
      );
    }
    return refuse('文件不是有效的 .xlsx 工作簿（无法解压）', NOT_XLSX);
  }
  const sizes = Object.values(parts).map((p) => p.length);
  if (
    sizes.some((s) => s > XLSX_LIMITS.partBytes) ||
    sizes.reduce((a, b) => a + b, 0) > XLSX_LIMITS.totalBytes
  ) {
    return refuse(
      '文件解压后过大（可能是压缩炸弹或表格过大）',
      '请只保留从本页下载的那张表后重新上传',
    );
  }
  const decoder = new TextDecoder('utf-8');
  const text = (path: string): string | undefined => {
    const part = parts[path];
    return part === undefined ? undefined : decoder.decode(part);
  };
  const texts = Object.keys(parts).map((p) => text(p) ?? '');
  if (texts.some((t) => /<!DOCTYPE|<!ENTITY/i.test(t))) {
    return refuse('文件含有不允许的 XML 声明（DOCTYPE）', NOT_XLSX);
  }
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined)
    return refuse('文件不是 .xlsx 工作簿（缺少 xl/workbook.xml）', NOT_XLSX);
  const first = /<(?:\w+:)?sheet\b([^>]*?)\/?>/.exec(workbook)?.[1] ?? '';
  const rid =
    /(?:^|\s)r:id="([^"]*)"/.exec(first)?.[1] ?? /(?:^|\s)\w+:id="([^"]*)"/.exec(first)?.[1];
  let sheetPath = 'xl/worksheets/sheet1.xml';
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(
    /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g,
  )) {
    const attrs = m[1] ?? '';
    if (rid !== undefined && attr(attrs, 'Id') === rid) {
      const target = attr(attrs, 'Target') ?? '';
      sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  const sheet = text(sheetPath);
  if (sheet === undefined) return refuse('工作簿里没有工作表', NOT_XLSX);

  const shared: string[] = [];
  for (const m of (text('xl/sharedStrings.xml') ?? '').matchAll(
    /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g,
  )) {
    shared.push(textOf(m[1] ?? ''));
  }

  const rows: SheetCell[][] = [];
  let nextRow = 0;
  for (const m of sheet.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attr(m[1] ?? '', 'r') ?? nextRow + 1) - 1;
    if (!Number.isInteger(r) || r < nextRow - 1 || r < 0)
      return refuse('工作表的行号不正确', NOT_XLSX);
    if (r > SHEET_LIMITS.rows) {
      return {
        ok: false,
        error: {
          row: r + 1,
          column: null,
          message: `表格超过 ${SHEET_LIMITS.rows} 行`,
          fix: '请分批上传',
        },
      };
    }
    nextRow = r + 1;
    const cells: SheetCell[] = [];
    let nextColumn = 0;
    for (const c of (m[2] ?? '').matchAll(
      /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g,
    )) {
      const attrs = c[1] ?? '';
      const ref = attr(attrs, 'r');
      const col = ref === undefined ? nextColumn : columnIndex(ref);
      if (col === null) return refuse('工作表的单元格位置不正确', NOT_XLSX);
      if (col >= SHEET_LIMITS.columns) {
        return {
          ok: false,
          error: {
            row: r + 1,
            column: null,
            message: `一行超过 ${SHEET_LIMITS.columns} 列`,
            fix: '请上传从本页下载的表格',
          },
        };
      }
      nextColumn = col + 1;
      while (cells.length < col) cells.push(null);
      cells[col] = cellValue(attr(attrs, 't'), c[2] ?? '', shared);
    }
    while (rows.length < r) rows.push([]);
    rows[r] = cells;
  }
  return { ok: true, rows };
}
