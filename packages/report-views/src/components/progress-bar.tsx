/** @jsxRuntime automatic */
/**
 * A bar for a share 0–100 drawn with SVG attributes, not inline styles (the CSP forbids those).
 * Decorative: the same figure is always written next to it.
 */
export function ProgressBar({ value }: { value: number | null }) {
  return (
    <svg
      className="progress-bar"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="progress-track" x="0" y="0" width="100" height="6" />
      <rect className="progress-fill" x="0" y="0" width={value ?? 0} height="6" />
    </svg>
  );
}
