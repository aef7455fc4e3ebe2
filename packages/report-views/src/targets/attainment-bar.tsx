/** @jsxRuntime automatic */
import type { Verdict } from '@leshan/report-core';
import { Hatch } from '../scoreboard/score-bar.js';

/**
 * A target's progress toward it, 0–100 % of the track (more than 100 % fills it), coloured and,
 * when behind, hatched by its verdict. A target not reported draws no bar at all — an empty bar
 * would read as failure; the words beside it say 未报告. Decorative: the figure is written beside it.
 */
export function AttainmentBar({ verdict, percent }: { verdict: Verdict; percent: number | null }) {
  if (verdict === 'not-reported') return null;
  const width = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  return (
    <svg
      className="attain-bar"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="seg-track" x="0" y="0" width="100" height="8" />
      <rect className={`seg seg-${verdict}`} x="0" y="0" width={width} height="8" />
      {verdict === 'behind' && <Hatch x={0} width={width} />}
    </svg>
  );
}

/** The verdicts' swatches and names: the legend of every attainment bar. */
export function VerdictLegend({ labels }: { labels: Readonly<Record<Verdict, string>> }) {
  const order: Verdict[] = ['met', 'on-track', 'behind', 'not-reported'];
  return (
    <ul className="bar-legend verdict-legend">
      {order.map((v) => (
        <li key={v}>
          <span className={`swatch seg-${v}`} aria-hidden="true" />
          {labels[v]}
        </li>
      ))}
    </ul>
  );
}
