/** @jsxRuntime automatic */
import type { DeepReadonly, Indicator } from '@leshan/report-core';
import { formatQuantity } from '@leshan/report-core/indicators';
import { formatDate, observationBasisLabel } from '@leshan/report-core/labels';
import { attainmentRule, periodElapsed } from '@leshan/report-core/model';
import type { AttainmentPeriod } from '@leshan/report-core/model';
import { useView } from '../context.js';

const HEIGHT = 200;
const TOP = 40;
const BOTTOM = 168;
/** Left and right padding of the plot, in % of its width. */
const PAD = 3;

const pct = (x: number): string => `${(PAD + x * (100 - 2 * PAD)).toFixed(2)}%`;

/**
 * A target's observed values over the report period, drawn on the server (issue 19): one band per
 * year of `period`, the target as a dashed line (none for a target relative to a baseline, whose
 * values are not in the target's terms), each observation as a point joined in date order. No
 * viewBox: x is in %, so the text keeps its size on a phone. It is an image with a title and a
 * description; the table after it holds the same figures for those who cannot see it.
 */
export function ObservationChart({
  indicator,
  period,
  id,
}: {
  indicator: DeepReadonly<Indicator>;
  period: AttainmentPeriod;
  /** A page-unique prefix for the ids the chart's title, description and table use. */
  id: string;
}) {
  const { pick } = useView();
  const observations = [...(indicator.observations ?? [])].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const rule = attainmentRule(indicator);
  const target = rule === 'relative' ? undefined : indicator.value;
  const top = Math.max(
    target ?? 0,
    indicator.upper ?? 0,
    ...observations.map((o) => o.value),
    Number.MIN_VALUE,
  );
  const bottom = Math.min(0, ...observations.map((o) => o.value));
  const y = (v: number): number => BOTTOM - ((v - bottom) / (top - bottom)) * (BOTTOM - TOP);
  const years = Array.from({ length: period.end - period.start + 1 }, (_, i) => period.start + i);
  const span = years.length;
  const points = observations.map((o) => ({ o, x: periodElapsed(o.date, period), y: y(o.value) }));
  const unit = indicator.unit;
  const targetWords =
    target === undefined
      ? pick('（相对基期的指标，图中不画目标线）', ' (relative to a baseline: no target line)')
      : pick(
          `目标线 ${formatQuantity(target, unit)}`,
          `target line at ${formatQuantity(target, unit)}`,
        );
  const description = [
    pick(
      `${period.start}—${period.end} 年间的实际值：`,
      `Observed values ${period.start}–${period.end}: `,
    ),
    observations
      .map((o) => `${formatDate(o.date)} ${formatQuantity(o.value, unit)}`)
      .join(pick('；', '; ')),
    pick('。', '. '),
    targetWords,
    pick('。', '.'),
  ].join('');
  return (
    <div className="obs-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={HEIGHT}
        className="obs-svg"
      >
        <title id={`${id}-title`}>
          {pick(`“${indicator.metric}”的实际值`, `Observed values of “${indicator.metric}”`)}
        </title>
        <desc id={`${id}-desc`}>{description}</desc>
        {years.map((year, i) => (
          <g key={year}>
            {i % 2 === 0 && (
              <rect
                className="obs-band"
                x={pct(i / span)}
                y={TOP - 20}
                width={`${((100 - 2 * PAD) / span).toFixed(2)}%`}
                height={BOTTOM - TOP + 20}
              />
            )}
            <text className="obs-year" x={pct((i + 0.5) / span)} y={BOTTOM + 20}>
              {year}
            </text>
          </g>
        ))}
        <line className="obs-axis" x1={pct(0)} x2={pct(1)} y1={y(0)} y2={y(0)} />
        <text className="obs-label" x={pct(0)} y={y(0) - 4}>
          0
        </text>
        {target !== undefined && (
          <>
            <line className="obs-target" x1={pct(0)} x2={pct(1)} y1={y(target)} y2={y(target)} />
            <text className="obs-label" x={pct(0)} y={y(target) - 5}>
              {pick('目标', 'target')} {formatQuantity(target, unit)}
            </text>
          </>
        )}
        {points.slice(1).map((p, i) => {
          const previous = points[i];
          return previous === undefined ? null : (
            <line
              key={p.o.id}
              className="obs-line"
              x1={pct(previous.x)}
              x2={pct(p.x)}
              y1={previous.y}
              y2={p.y}
            />
          );
        })}
        {points.map((p) => (
          <g key={p.o.id}>
            <circle className="obs-point" cx={pct(p.x)} cy={p.y} r="5" />
            <text className="obs-value" x={pct(p.x)} y={p.y - 10}>
              {formatQuantity(p.o.value, unit)}
            </text>
          </g>
        ))}
      </svg>
      <div className="table-scroll">
        <table className="obs-table">
          <caption>
            {pick(
              `“${indicator.metric}”的实际值（${targetWords}）`,
              `Observed values of “${indicator.metric}” (${targetWords})`,
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{pick('截至日期', 'As of')}</th>
              <th scope="col">{pick('实际值', 'Value')}</th>
              <th scope="col">{pick('口径', 'Basis')}</th>
              <th scope="col">{pick('来源', 'Source')}</th>
            </tr>
          </thead>
          <tbody>
            {observations.map((o) => (
              <tr key={o.id}>
                <td>
                  <time dateTime={o.date}>{formatDate(o.date)}</time>
                </td>
                <td>{formatQuantity(o.value, unit)}</td>
                <td>
                  {pick(observationBasisLabel(o.basis).zh, observationBasisLabel(o.basis).en)}
                </td>
                <td lang="zh-CN">
                  {o.source.url === undefined ? (
                    o.source.title
                  ) : (
                    <a href={o.source.url} rel="nofollow noopener noreferrer">
                      {o.source.title}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
