/** @jsxRuntime automatic */
import type { Verdict } from '@leshan/report-core';
import { AttainmentBar, VerdictLegend } from './attainment-bar.js';
import type { TargetRowView } from './targets-types.js';

// Issue 19: the chart plotted the size of each target (1个 a sliver beside 6000个); it now shows
// how far each has come toward it, 0–100 %, sorted within its unit and never across units.

const rank = (r: TargetRowView): number =>
  r.attainment.verdict === 'not-reported' ? -1 : (r.attainment.percent ?? 0);

/** A unit's rows by attainment, highest first, the ones not reported last (reading order breaks ties). */
export function byAttainment(rows: readonly TargetRowView[]): TargetRowView[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * One list of attainment bars per unit, with a legend of the verdicts. Each bar is the percent of
 * its target attained (0–100 %, the words beside it give the figure and the verdict); a target
 * not reported has no bar, only the words 未报告.
 */
export function TargetsChart({
  rows,
  lang,
  verdictLabels,
}: {
  rows: readonly TargetRowView[];
  lang: 'zh' | 'en';
  verdictLabels: Readonly<Record<Verdict, string>>;
}) {
  const units = [...new Set(rows.map((r) => r.unit))];
  return (
    <div className="charts">
      <VerdictLegend labels={verdictLabels} />
      {units.map((unit, u) => {
        const group = byAttainment(rows.filter((r) => r.unit === unit));
        const captionId = `chart-${u}`;
        return (
          <figure key={unit} className="chart" aria-labelledby={captionId}>
            <figcaption id={captionId}>
              {lang === 'en'
                ? `Progress toward the targets in ${unit}`
                : `以“${unit}”计的指标：完成进度`}
            </figcaption>
            <ol className="attain-list">
              {group.map((r) => (
                <li key={r.id} className={`attain attain-${r.attainment.verdict}`}>
                  <span className="bar-label" lang="zh-CN">
                    {r.metric} {r.target}
                  </span>{' '}
                  <span className="attain-text">{r.attainmentText}</span>
                  <AttainmentBar verdict={r.attainment.verdict} percent={r.attainment.percent} />
                </li>
              ))}
            </ol>
          </figure>
        );
      })}
    </div>
  );
}
