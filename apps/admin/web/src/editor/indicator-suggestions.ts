import { extractIndicators, findNode } from '@leshan/report-core';
import type { ExtractedIndicator, Indicator, Measure, Report } from '@leshan/report-core';

/** Targets extractIndicators finds in the text that the measure does not list yet (by wording). */
export function suggestIndicators(measure: Measure): ExtractedIndicator[] {
  const taken = new Set(measure.indicators.map((i) => i.raw));
  return extractIndicators(measure.text).filter((found) => !taken.has(found.raw));
}

/** The next free id in the house style `m<line>-t<k>`. */
export function nextIndicatorId(report: Report, measure: Measure): string {
  const used = measure.indicators
    .map((i) => /-t(\d+)$/.exec(i.id)?.[1])
    .filter((k): k is string => k !== undefined)
    .map(Number);
  let k = used.length === 0 ? 1 : Math.max(...used) + 1;
  while (findNode(report, `${measure.id}-t${k}`) !== undefined) k += 1;
  return `${measure.id}-t${k}`;
}

export function acceptSuggestion(
  report: Report,
  measure: Measure,
  found: ExtractedIndicator,
): Indicator {
  return { id: nextIndicatorId(report, measure), ...found };
}
