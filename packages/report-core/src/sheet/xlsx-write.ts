import { zipDeterministic } from './zip.js';
import type { ZipEntry } from './zip.js';

// A minimal SpreadsheetML (ECMA-376) writer: what the workbooks of the export and the editors'
// sheet need (text, number and yes/no cells, a bold frozen header row, column widths, wrapped
// top-aligned cells, document properties) and nothing more. It replaced exceljs, 177 packages
// for five plain sheets. Read back by readXlsx.

/** A cell of a written workbook. */
export type Cell = string | number | boolean | null;

/** One sheet: its name, its columns (header and width in characters) and its rows. */
export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

/** The document properties of a workbook. */
export interface WorkbookProps {
  title: string;
  creator: string;
  /** ISO 8601: created, modified and every zip entry's time. */
  at: string;
}

// XML 1.0 allows neither C0 controls other than tab, newline and return, nor lone surrogates.
// eslint-disable-next-line no-control-regex -- the characters XML cannot carry are the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

const xml = (text: string): string =>
  text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Strings go to the shared-strings table once each, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  uses = 0;

  of(text: string): number {
    this.uses += 1;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.list.length;
      this.index.set(text, at);
      this.list.push(text);
    }
    return at;
  }
}

// Style 1: wrapped, top-aligned; style 2: the same, bold (the header row).
const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * One cell's XML.
 *
 * @throws {Error} for a number that is not finite (NaN, ±Infinity): the caller's data is wrong.
 */
function cellXml(ref: string, value: Cell, style: number, strings: SharedStrings): string {
  if (value === null) return '';
  if (typeof value === 'boolean')
    return `<c r="${ref}" s="${style}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a finite number`);
    return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  }
  return `<c r="${ref}" s="${style}" t="s"><v>${strings.of(value)}</v></c>`;
}

function sheetXml(spec: SheetSpec, strings: SharedStrings): string {
  const rows = [spec.columns.map((c) => c.header), ...spec.rows].map((cells, r) => {
    const style = r === 0 ? 2 : 1;
    const body = cells.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v, style, strings));
    return `<row r="${r + 1}">${body.join('')}</row>`;
  });
  const cols = spec.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  // The header row stays in view while scrolling (frozen pane below row 1).
  const view =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${view}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function packageParts(sheetCount: number, props: WorkbookProps): ZipEntry[] {
  const text = (body: string): Uint8Array => new TextEncoder().encode(body);
  const sheetIds = Array.from({ length: sheetCount }, (_, i) => i + 1);
  const types = sheetIds
    .map(
      (n) =>
        `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const at = new Date(props.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    {
      path: '[Content_Types].xml',
      bytes: text(
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
      ),
    },
    {
      path: '_rels/.rels',
      bytes: text(
        `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
      ),
    },
    {
      path: 'docProps/app.xml',
      bytes: text(
        `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Leshan export worker</Application></Properties>`,
      ),
    },
    {
      path: 'docProps/core.xml',
      bytes: text(
        `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(props.title)}</dc:title><dc:creator>${xml(props.creator)}</dc:creator><cp:lastModifiedBy>${xml(props.creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`,
      ),
    },
  ];
}

/**
 * An .xlsx file of the sheets, in order; the same input gives the same bytes.
 *
 * @throws {Error} when a cell holds a number that is not finite (NaN, ±Infinity).
 */
export function writeXlsx(sheets: readonly SheetSpec[], props: WorkbookProps): Uint8Array {
  const text = (body: string): Uint8Array => new TextEncoder().encode(body);
  const strings = new SharedStrings();
  const sheetParts = sheets.map((spec, i) => ({
    path: `xl/worksheets/sheet${i + 1}.xml`,
    bytes: text(sheetXml(spec, strings)),
  }));
  const workbook = `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets
    .map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const workbookRels = `${HEAD}<Relationships xmlns="${PKG_REL}">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const shared = `${HEAD}<sst xmlns="${MAIN}" count="${strings.uses}" uniqueCount="${strings.list.length}">${strings.list
    .map((s) => `<si><t xml:space="preserve">${xml(s)}</t></si>`)
    .join('')}</sst>`;
  return zipDeterministic(
    [
      ...packageParts(sheets.length, props),
      { path: 'xl/workbook.xml', bytes: text(workbook) },
      { path: 'xl/_rels/workbook.xml.rels', bytes: text(workbookRels) },
      { path: 'xl/styles.xml', bytes: text(STYLES) },
      { path: 'xl/sharedStrings.xml', bytes: text(shared) },
      ...sheetParts,
    ],
    props.at,
  );
}
