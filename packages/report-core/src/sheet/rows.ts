import type { ReadonlyReport } from '../model/readonly.js';
import { listMeasures } from '../model/query.js';
import type { SheetCell, SheetColumn, SheetRowSource } from './columns.js';
import { SHEET_COLUMNS, sheetCell } from './columns.js';

/**
 * Where each row comes from, in reading order: every measure, followed by one row for each of its
 * targets. 76 measures are 76 measure rows, whatever their targets.
 */
export function sheetSources(report: ReadonlyReport): SheetRowSource[] {
  return listMeasures(report).flatMap((measure) => [
    { measure, indicator: null },
    ...measure.indicators.map((indicator) => ({ measure, indicator })),
  ]);
}

/** One row's cells, in the order of `columns`. */
export function sheetRow(
  report: ReadonlyReport,
  source: SheetRowSource,
  columns: readonly SheetColumn[] = SHEET_COLUMNS,
): SheetCell[] {
  return columns.map((column) => sheetCell(report, source, column));
}

/**
 * The data rows of the measures-and-targets sheet (no header): one row per measure, each
 * followed by one row per target of that measure (指标编号 filled). The input columns are empty.
 */
export function sheetRows(
  report: ReadonlyReport,
  columns: readonly SheetColumn[] = SHEET_COLUMNS,
): SheetCell[][] {
  return sheetSources(report).map((source) => sheetRow(report, source, columns));
}

/** The whole sheet as a table: the header row (Chinese headers), then `sheetRows`. */
export function sheetTable(report: ReadonlyReport): SheetCell[][] {
  return [SHEET_COLUMNS.map((c) => c.header), ...sheetRows(report)];
}
