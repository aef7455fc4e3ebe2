import type { Measure, Report } from './report.js';
import type { DeepReadonly, ReadonlyReport } from './readonly.js';

// Issue 18 point 3: a reporter is scoped to departments. Which measures those are is a rule about
// reports, so it lives here; the admin routes only ask.

/**
 * The departments a measure names: its lead (牵头单位) first, then its co-responsible departments
 * (责任单位), in the order recorded. Empty when the measure has no responsibility.
 */
export function departmentsOfMeasure(measure: DeepReadonly<Measure>): string[] {
  const r = measure.responsibility;
  if (r === undefined) return [];
  return r.lead === null ? [...r.co] : [r.lead, ...r.co];
}

/**
 * Whether a measure belongs to any of the given departments: its lead or one of its
 * co-responsible departments is among them. A measure with no responsibility belongs to no one.
 */
export function measureBelongsTo(
  measure: DeepReadonly<Measure>,
  departmentIds: Iterable<string>,
): boolean {
  const mine = new Set(departmentIds);
  return departmentsOfMeasure(measure).some((d) => mine.has(d));
}

/**
 * The measures that belong to any of the given departments ({@link measureBelongsTo}), in report
 * order (chapter, section, measure). Empty for no departments.
 */
export function measuresOfDepartments(report: Report, departmentIds: Iterable<string>): Measure[];
export function measuresOfDepartments(
  report: ReadonlyReport,
  departmentIds: Iterable<string>,
): DeepReadonly<Measure>[];
export function measuresOfDepartments(
  report: ReadonlyReport,
  departmentIds: Iterable<string>,
): DeepReadonly<Measure>[] {
  const mine = [...departmentIds];
  return report.chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) =>
      section.measures.filter((measure) => measureBelongsTo(measure, mine)),
    ),
  );
}
