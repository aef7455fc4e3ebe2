/** @jsxRuntime automatic */
import type { TargetRowView } from './targets-types.js';

const ROW = 40;

/**
 * One bar chart per unit (values in different units cannot share an axis). An SVG without a
 * viewBox: bar widths are percentages and text keeps its CSS size, so it reads at 320 px too.
 */
export function TargetsChart({
  rows,
  lang,
}: {
  rows: readonly TargetRowView[];
  lang: 'zh' | 'en';
}) {
  const units = [...new Set(rows.map((r) => r.unit))];
  return (
    <div className="charts">
      {units.map((unit, u) => {
        const group = rows.filter((r) => r.unit === unit);
        const max = Math.max(...group.map((r) => Math.abs(r.value)), 1);
        const captionId = `chart-${u}`;
        return (
          <figure key={unit} className="chart">
            <figcaption id={captionId}>
              {lang === 'en' ? `Targets in ${unit}` : `以“${unit}”计的指标`}
            </figcaption>
            <svg
              role="img"
              aria-labelledby={captionId}
              width="100%"
              height={group.length * ROW}
              className="bars"
            >
              {group.map((r, i) => {
                const width = Math.max((Math.abs(r.value) / max) * 100, 0.5);
                return (
                  <g key={r.id}>
                    <text x="0" y={i * ROW + 14} className="bar-label">
                      {r.metric} {r.display}
                    </text>
                    <rect
                      x="0"
                      y={i * ROW + 20}
                      height="12"
                      width={`${width.toFixed(2)}%`}
                      className={`bar bar-${r.status ?? 'none'}`}
                    />
                  </g>
                );
              })}
            </svg>
          </figure>
        );
      })}
    </div>
  );
}
