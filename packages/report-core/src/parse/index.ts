export { DiagnosticCodeSchema, DiagnosticSchema, DiagnosticSeveritySchema } from './diagnostic.js';
export type { Diagnostic, DiagnosticCode, DiagnosticSeverity } from './diagnostic.js';
export { ParseOptionsSchema } from './parse-options.js';
export type { ParseOptions, ParseOptionsInput } from './parse-options.js';
export { parseReportText } from './parse-report-text.js';
export type { ParseResult } from './parse-report-text.js';
export { formatDiagnosticsTable } from './format-diagnostics.js';
export { sha256Bytes, sha256Utf8 } from './sha256.js';
export { normaliseLine, splitSourceLines } from './normalise-text.js';
