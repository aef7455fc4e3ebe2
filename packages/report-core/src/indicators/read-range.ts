import type { Comparator } from '../model/indicator.js';
import type { Quantity } from './read-quantity.js';
import { readQuantityAt } from './read-quantity.js';
import { readMagnitude, readNumberAt, scale } from './read-number.js';
import { matchUnit } from './units.js';
import { PREFIX_COMPARATOR_INDEX } from './wording.js';

/** A range target: value is the lower bound. */
export interface Range {
  start: number;
  end: number;
  value: number;
  upper: number;
  unit: string;
  comparator: Comparator;
}

// Between the bounds: 4.5%-5%, 4.5%—5%, 4.5%～5%, 4.5%至5%, 4.5%到5%.
const SEPARATORS = new Set(['-', '—', '–', '~', '至', '到']);

/**
 * The range written at i, or undefined. The lower bound may omit the unit and the magnitude
 * (4.5—5%, 4000-5000亿元); both bounds count in the upper bound's unit.
 */
export function readRangeAt(text: string, i: number): Range | undefined {
  const low = readNumberAt(text, i);
  if (low?.script !== 'arabic' || low.value === null) return undefined;
  const before = text[i - 1];
  if (before !== undefined && /[0-9.第]/u.test(before)) return undefined;
  let j = low.end;
  const lowMagnitude = readMagnitude(text, j);
  if (lowMagnitude !== undefined) j += lowMagnitude[0];
  const lowUnit = matchUnit(text, j);
  if (lowUnit !== undefined) j += lowUnit.length;
  let k = j;
  while (SEPARATORS.has(text[k] ?? '') && k - j < 2) k += 1;
  if (k === j) return undefined;
  const high = readNumberAt(text, k);
  if (high?.script !== 'arabic') return undefined;
  // Read the upper bound on its own: the separator before it is no code mark (4.5%-5%).
  const window = text.slice(k, k + 40);
  const read = readQuantityAt(window, 0);
  if (read === undefined || 'skipTo' in read) return undefined;
  const q: Quantity = { ...read.quantity, start: k, end: k + read.quantity.end };
  if (lowUnit !== undefined && lowUnit.unit !== q.unit) return undefined;
  const highMagnitude = readMagnitude(text, high.end);
  const power = lowMagnitude?.[1] ?? highMagnitude?.[1] ?? 0;
  const value = scale(low.digits, power);
  if (!Number.isFinite(value) || value > q.value) return undefined;
  const prefix = PREFIX_COMPARATOR_INDEX.endingAt(text, i);
  return {
    start: i - (prefix?.[0].length ?? 0),
    end: q.end,
    value,
    upper: q.value,
    unit: q.unit,
    comparator: q.comparator === 'approx' ? 'approx' : 'eq',
  };
}
