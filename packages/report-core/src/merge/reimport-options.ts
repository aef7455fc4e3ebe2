import type { ReadonlyReport } from '../model/readonly.js';
import type { ParseOptionsInput } from '../parse/parse-options.js';

/** The parse options that read a new text as the next version of `report`: its own id, issuer, years, places and source file. */
export function reimportOptions(report: ReadonlyReport): ParseOptionsInput {
  return {
    id: report.id,
    issuer: report.meta.issuer,
    period: report.meta.period,
    places: report.places.map((place) => ({ ...place, aliases: [...place.aliases] })),
    file: report.meta.source.file,
    description: report.meta.source.description,
  };
}
