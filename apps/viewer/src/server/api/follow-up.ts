import { targetAttainment } from '@leshan/report-core';
import type { DeepReadonly, Indicator, Measure, Report } from '@leshan/report-core';
import type { z } from 'zod';
import type { PublicIndicatorSchema, ResolvedResponsibilitySchema } from './api-schemas.js';

// Issue 18 in the public API: each target with its attainment (report-core's rule, against the
// report's period) and a measure's responsibility with the department names the edition lists.

type Period = DeepReadonly<Report['meta']['period']>;

/** A target as published, with its attainment. */
export function publicIndicator(
  indicator: DeepReadonly<Indicator>,
  period: Period,
): z.infer<typeof PublicIndicatorSchema> {
  return {
    ...(indicator as Indicator),
    attainment: targetAttainment(indicator, { start: period.start, end: period.end }),
  };
}

/** A measure's responsibility with each department's name; null when the edition records none. */
export function resolvedResponsibility(
  report: DeepReadonly<Report>,
  measure: DeepReadonly<Measure>,
): z.infer<typeof ResolvedResponsibilitySchema> | null {
  const r = measure.responsibility;
  if (r === undefined) return null;
  const names = new Map((report.departments ?? []).map((d) => [d.id, d.name]));
  const department = (id: string) => ({ id, name: names.get(id) ?? null });
  return {
    lead: r.lead === null ? null : department(r.lead),
    co: r.co.map(department),
    deadline: r.deadline,
    milestones: r.milestones.map((m) => ({ ...m })),
  };
}
