import type { ExportInput } from '../schemas.js';
import type { Table } from './csv-tables.js';
import { indicatorTable, measureTable } from './csv-tables.js';
import { csvFile } from './csv-cell.js';
import { withAttainment } from './follow-up-tables.js';

export function tableToCsv(table: Table): Uint8Array {
  return csvFile(
    table.columns.map((c) => c.name),
    table.rows,
  );
}

/** measures.csv: one row per measure in reading order. */
export function renderCsvMeasures(input: ExportInput): Promise<Uint8Array> {
  return Promise.resolve(tableToCsv(measureTable(input.report)));
}

/** indicators.csv: one row per quantitative target, with its attainment (issue 18). */
export function renderCsvIndicators(input: ExportInput): Promise<Uint8Array> {
  return Promise.resolve(tableToCsv(withAttainment(indicatorTable(input.report), input.report)));
}
