import { formatQuantity, targetAttainment, VERDICT_LABELS } from '@leshan/report-core';
import type { Indicator, Report } from '@leshan/report-core';

/**
 * A target's attainment beside it, as report-core computes it (targetAttainment against the
 * report's period): "90 / 210 公里（43%）· 滞后", or why it is not reported.
 */
export function AttainmentSummary({ report, indicator }: { report: Report; indicator: Indicator }) {
  const attainment = targetAttainment(indicator, report.meta.period);
  const verdict = VERDICT_LABELS[attainment.verdict].zh;
  const figures =
    attainment.achieved === null
      ? attainment.missing === 'baseline'
        ? '缺基期值'
        : '尚无实际值'
      : `${formatQuantity(attainment.achieved, '')} / ${formatQuantity(indicator.value, indicator.unit)}${
          attainment.percent === null ? '' : `（${Math.round(attainment.percent)}%）`
        }`;
  return (
    <span className={`attainment verdict-${attainment.verdict}`} data-verdict={attainment.verdict}>
      {figures} · {verdict}
      {attainment.asOf === null ? null : <span className="hint">（截至 {attainment.asOf}）</span>}
    </span>
  );
}
