import type { ExportInput } from '../schemas.js';
import type { Table } from './csv-tables.js';
import { indicatorTable, measureTable } from './csv-tables.js';
import { csvFile } from './csv-cell.js';

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

/** indicators.csv: one row per quantitative target. */
export function renderCsvIndicators(input: ExportInput): Promise<Uint8Array> {
  return Promise.resolve(tableToCsv(indicatorTable(input.report)));
}
