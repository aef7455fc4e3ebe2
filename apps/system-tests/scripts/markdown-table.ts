// The Markdown pieces of RELIABILITY.md.
type Cell = string | number | boolean | null | undefined;

export const num = (v: number | string | null | undefined): string =>
  typeof v === 'number' ? v.toLocaleString('en-US') : (v ?? '—');
const cell = (v: Cell): string =>
  (typeof v === 'boolean' ? (v ? 'yes' : 'no') : num(v)).replaceAll('|', '\\|');
export const table = (header: string[], rows: Cell[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
export const missing = (what: string): string =>
  `_No figures: ${what} did not record any (see the test results below)._`;
export const msCell = (v: number): string => `${num(v)} ms`;
