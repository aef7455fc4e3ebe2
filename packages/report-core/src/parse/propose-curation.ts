import { extractIndicators } from '../indicators/extract-indicators.js';
import type { ExtractedIndicator } from '../indicators/extracted-indicator.js';
import type { Report } from '../model/report.js';
import { findPlaces } from './find-places.js';

/** What the parser proposes for one measure; an editor accepts or rejects each (the canonical data stays curated). */
export interface MeasureProposal {
  measureId: string;
  indicators: ExtractedIndicator[];
  /** Ids of report.places the measure names as places. */
  places: string[];
}

/** The targets and places read in each measure that has any. */
export function proposeCuration(report: Report): MeasureProposal[] {
  const out: MeasureProposal[] = [];
  for (const chapter of report.chapters)
    for (const section of chapter.sections)
      for (const measure of section.measures) {
        const indicators = extractIndicators(measure.text);
        const places = findPlaces(measure.text, report.places);
        if (indicators.length > 0 || places.length > 0)
          out.push({ measureId: measure.id, indicators, places });
      }
  return out;
}
