// The SpreadsheetML writer moved to report-core (issue 18): the admin's sheet download writes the
// same workbooks, and the upload reads them back with readXlsx.
export { writeXlsx } from '@leshan/report-core/sheet';
export type { Cell, SheetSpec, WorkbookProps } from '@leshan/report-core/sheet';
