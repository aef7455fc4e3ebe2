import { noteVisibility } from './note.js';
import type { Report } from './report.js';

/**
 * The report as the public gets it: internal editorial notes dropped, with every reference
 * other notes make to them (issue 13 point 8: an internal note is never published). A report
 * with no internal note is returned as it is, so its content hash is unchanged.
 */
export function publicReport(report: Report): Report {
  const internal = new Set(
    report.notes.filter((n) => noteVisibility(n) === 'internal').map((n) => n.id),
  );
  if (internal.size === 0) return report;
  return {
    ...report,
    notes: report.notes
      .filter((n) => !internal.has(n.id))
      .map((n) =>
        n.nodeIds.some((id) => internal.has(id))
          ? { ...n, nodeIds: n.nodeIds.filter((id) => !internal.has(id)) }
          : n,
      ),
  };
}
