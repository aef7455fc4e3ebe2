/** @jsxRuntime automatic */
/** One part of a stacked bar: a key (its CSS class `seg-<key>`), its count and its words. */
export interface BarPart {
  key: string;
  count: number;
  label: string;
}

const HATCHED = new Set(['not-reported', 'delayed', 'behind']);

/** Diagonal strokes over a part, every 2 units: no ids, so the markup is the same wherever it is drawn. */
export function Hatch({ x, width }: { x: number; width: number }) {
  return (
    <>
      {Array.from({ length: Math.floor(width / 2) }, (_, i) => (
        <line key={i} className="hatch" x1={x + i * 2} y1="8" x2={x + i * 2 + 2} y2="0" />
      ))}
    </>
  );
}

/**
 * A stacked bar of counts drawn with SVG attributes (the CSP forbids inline styles), each part
 * with its own fill and, for 未报告 and 滞后, a hatch, so no part is told by colour alone. It is
 * decorative: the figures are always written beside it ({@link BarLegend}).
 */
export function StackedBar({ parts }: { parts: readonly BarPart[] }) {
  const total = parts.reduce((n, p) => n + p.count, 0);
  let x = 0;
  return (
    <svg
      className="stacked-bar"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="seg-track" x="0" y="0" width="100" height="8" />
      {total > 0 &&
        parts.map((p) => {
          const width = (p.count / total) * 100;
          const at = x;
          x += width;
          if (p.count === 0) return null;
          return (
            <g key={p.key}>
              <rect className={`seg seg-${p.key}`} x={at} y="0" width={width} height="8" />
              {HATCHED.has(p.key) && <Hatch x={at} width={width} />}
            </g>
          );
        })}
    </svg>
  );
}

/** The figures of a stacked bar: a swatch, the words, the count and its whole percent. */
export function BarLegend({
  parts,
  shares,
  unit,
}: {
  parts: readonly BarPart[];
  shares: Readonly<Record<string, number>>;
  unit: string;
}) {
  return (
    <ul className="bar-legend">
      {parts.map((p) => (
        <li key={p.key} className={p.count === 0 ? 'zero' : undefined}>
          <span className={`swatch seg-${p.key}`} aria-hidden="true" />
          {p.label} <strong>{p.count}</strong>
          {unit}
          <span className="share">（{shares[p.key] ?? 0}%）</span>
        </li>
      ))}
    </ul>
  );
}
