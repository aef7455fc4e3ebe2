import type { Report } from '../model/report.js';
import type { ParseOptionsInput } from '../parse/parse-options.js';

/** The parse options that read a new text as the next version of `report`: its own id, issuer, years, places and source file. */
export function reimportOptions(report: Report): ParseOptionsInput {
  return {
    id: report.id,
    issuer: report.meta.issuer,
    period: report.meta.period,
    places: report.places,
    file: report.meta.source.file,
    description: report.meta.source.description,
  };
}
