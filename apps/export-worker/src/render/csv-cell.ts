// The CSV writer lives in report-core (issue 18) beside its reader, parseCsv: the admin's sheet
// download writes the same files the public export does.
export { csvCell, csvFile } from '@leshan/report-core/sheet';
