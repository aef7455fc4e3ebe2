import { listMeasures, targetAttainment } from '@leshan/report-core';
import type { Attainment, DeepReadonly, Indicator, Report } from '@leshan/report-core';

// The attainment of every target, computed once by report-core's rule for the tables and the
// documents alike.

/** Every target of the report with its attainment against the report's period, in reading order. */
export function attainments(
  report: DeepReadonly<Report>,
): { indicator: DeepReadonly<Indicator>; measureId: string; attainment: Attainment }[] {
  const period = { start: report.meta.period.start, end: report.meta.period.end };
  return listMeasures(report).flatMap((m) =>
    m.indicators.map((indicator) => ({
      indicator,
      measureId: m.id,
      attainment: targetAttainment(indicator, period),
    })),
  );
}
