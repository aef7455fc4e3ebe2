import { formatQuantity, targetAttainment } from '@leshan/report-core';
import type { Attainment, Indicator, Report } from '@leshan/report-core';
import {
  formatAttainment,
  formatAttainmentPercent,
  verdictLabel,
} from '@leshan/report-core/labels';

/** "90 / 210公里（43%）· 滞后", or report-core's words for a target not reported. */
export function attainmentText(indicator: Indicator, attainment: Attainment): string {
  if (attainment.achieved === null || attainment.verdict === 'not-reported')
    return formatAttainment(attainment).zh;
  const percent =
    attainment.percent === null ? '' : `（${formatAttainmentPercent(attainment.percent)}）`;
  return `${formatQuantity(attainment.achieved, '')} / ${formatQuantity(indicator.value, indicator.unit)}${percent} · ${verdictLabel(attainment.verdict).zh}`;
}

/**
 * A target's attainment beside it, as report-core computes it (targetAttainment against the
 * report's period), with the date of the latest value used.
 */
export function AttainmentSummary({ report, indicator }: { report: Report; indicator: Indicator }) {
  const attainment = targetAttainment(indicator, report.meta.period);
  return (
    <span className={`attainment verdict-${attainment.verdict}`} data-verdict={attainment.verdict}>
      {attainmentText(indicator, attainment)}
      {attainment.asOf === null ? null : <span className="hint">（截至 {attainment.asOf}）</span>}
    </span>
  );
}
