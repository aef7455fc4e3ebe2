import type { ReadonlyReport } from './readonly.js';
import type { Report } from './report.js';

// Pure functions (edit commands, diff, removeDuplicateMeasures) never write to the report they are given: they build new objects and share the
// unchanged parts (issue 16). So a read-only report (canonicalReport) is read through the same
// code as a mutable one; this is the one place that says so to the compiler.
export function pureInput(report: ReadonlyReport): Report {
  return report as Report;
}
