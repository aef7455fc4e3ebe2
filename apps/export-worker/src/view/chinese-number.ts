// Targets are stored in base units (2000亿元 → 200000000000); people read them with 万/亿.
const MAGNITUDES = [
  { factor: 1e12, word: '万亿' },
  { factor: 1e8, word: '亿' },
  { factor: 1e4, word: '万' },
] as const;

// Units that never take a magnitude word: 5万% or 2万倍 is not how anyone writes.
const PLAIN_UNITS = new Set(['%', '‰', '倍']);

function trimDecimals(value: number): string {
  // Four decimals cover 1.2345万 without float noise like 0.30000000000000004.
  return String(Number(value.toFixed(4)));
}

/** A value in its unit the way the report writes it: 200000000000 元 → 2000亿元, 15000 个 → 1.5万个. */
export function formatChineseValue(value: number, unit: string): string {
  if (!PLAIN_UNITS.has(unit)) {
    const magnitude = Math.abs(value);
    for (const { factor, word } of MAGNITUDES) {
      if (magnitude >= factor) return `${trimDecimals(value / factor)}${word}${unit}`;
    }
  }
  return `${trimDecimals(value)}${unit}`;
}
