// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection);
// a leading apostrophe makes them show the text instead. OWASP "CSV Injection".
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as RFC 4180 writes it, with formula-like text neutralised. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const BOM = '\uFEFF';

/** A whole CSV file: UTF-8 with BOM (so Excel reads Chinese right), CRLF line ends. */
export function csvFile(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): Uint8Array {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}
