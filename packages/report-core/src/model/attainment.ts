import type { Attainment, AttainmentRule, Observation, Verdict } from './follow-up.js';
import type { Indicator } from './indicator.js';
import type { DeepReadonly } from './readonly.js';

// Issue 18 point 1: how far a target has come, computed once here so the admin, the viewer, the
// API and every export agree. The rule is written in the package README ("Attainment and
// verdicts"); keep the two identical in meaning.

/** The years a target is to be reached in (a report's `meta.period`). */
export interface AttainmentPeriod {
  readonly start: number;
  readonly end: number;
}

/** Points of attainment a target may lag the elapsed share of the period and still be on track. */
export const ON_TRACK_TOLERANCE = 10;

type Obs = DeepReadonly<Observation>;
type Target = DeepReadonly<Indicator>;

const DAY_MS = 86_400_000;

const dayNumber = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / DAY_MS;

const dateDay = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return dayNumber(y ?? Number.NaN, m ?? Number.NaN, d ?? Number.NaN);
};

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * The share of a period elapsed at the end of `asOf` (YYYY-MM-DD), 0–1: from 1 January of
 * `period.start` to the end of 31 December of `period.end`, clamped. It reads the date only,
 * never the clock, so the same data gives the same share everywhere; 31 December of the last year
 * is 1 (the period is over).
 */
export function periodElapsed(asOf: string, period: AttainmentPeriod): number {
  const first = dayNumber(period.start, 1, 1);
  const after = dayNumber(period.end, 12, 31) + 1;
  return clamp01((dateDay(asOf) + 1 - first) / (after - first));
}

/** The latest of some observations: by date, and of one date the later in the list. */
const latestOf = (observations: readonly Obs[]): Obs | undefined => {
  let latest: Obs | undefined;
  for (const o of observations) if (latest === undefined || o.date >= latest.date) latest = o;
  return latest;
};

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Rule choice: ≤ is a ceiling; a baseline makes it relative; an increment adds up; else a level. */
export function attainmentRule(
  indicator: Pick<Target, 'comparator' | 'baseline' | 'kind'>,
): AttainmentRule {
  if (indicator.comparator === 'lte') return 'ceiling';
  if (indicator.baseline !== undefined) return 'relative';
  if (indicator.kind === 'increment') return 'increment';
  return 'level';
}

interface Achieved {
  /** What counts toward the target (may be non-finite: it is then reported as null). */
  value: number;
  asOf: string;
}

/**
 * An increment's amount since the period began: the latest cumulative value plus the annual
 * values of the years after it (per year, the latest annual observation of that year); with no
 * cumulative observation, the sum of the annual values, per year. Annual values of years outside
 * the period do not count. Undefined when no observation counts.
 */
function incrementAchieved(
  observations: readonly Obs[],
  period: AttainmentPeriod,
): Achieved | undefined {
  const cumulative = latestOf(
    observations.filter((o) => (o.basis ?? 'cumulative') === 'cumulative'),
  );
  // Never before the period: a cumulative value dated before it must not let the annual values
  // of earlier years count (attainment property test, seed 596779316).
  const fromYear =
    cumulative === undefined ? period.start : Math.max(period.start, yearOf(cumulative.date) + 1);
  const annualByYear = new Map<number, Obs>();
  for (const o of observations) {
    if (o.basis !== 'annual') continue;
    const year = yearOf(o.date);
    if (year < fromYear || year > period.end) continue;
    const kept = annualByYear.get(year);
    if (kept === undefined || o.date >= kept.date) annualByYear.set(year, o);
  }
  const annual = [...annualByYear.values()];
  const used = cumulative === undefined ? annual : [cumulative, ...annual];
  const last = latestOf(used);
  if (last === undefined) return undefined;
  const value = used.reduce((sum, o) => sum + o.value, 0);
  return { value, asOf: last.date };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

const notReported = (rule: AttainmentRule, missing: 'observations' | 'baseline'): Attainment => ({
  rule,
  verdict: 'not-reported',
  achieved: null,
  percent: null,
  asOf: null,
  elapsed: null,
  missing,
});

/** Whether `achieved` reaches `target` as the comparator asks (> strictly, every other at least). */
const reaches = (achieved: number, target: number, comparator: Target['comparator']): boolean =>
  comparator === 'gt' ? achieved > target : achieved >= target;

/**
 * The verdict of a target that is not a ceiling: met when its condition holds; otherwise behind
 * once the period is over; otherwise on track when the percent is at least the elapsed share
 * less {@link ON_TRACK_TOLERANCE} points; otherwise (or without a percent) behind.
 */
const verdictOf = (met: boolean, percent: number | null, elapsed: number): Verdict => {
  if (met) return 'met';
  if (elapsed >= 1 || percent === null) return 'behind';
  return percent >= elapsed * 100 - ON_TRACK_TOLERANCE ? 'on-track' : 'behind';
};

/**
 * A target's attainment against its report's period: the rule its kind and comparator imply, the
 * amount achieved, the percent of the target, the share of the period elapsed at the latest
 * observation, and the verdict (met, on track, behind, not reported). Pure and total: it never
 * throws, never reads the clock, and never gives NaN or ±Infinity (a value that cannot be
 * computed is null). The rule is written in the package README, "Attainment and verdicts".
 *
 * @example targetAttainment(m38t1WithCumulative90AsOf20241231, { start: 2022, end: 2026 })
 * // { rule: 'increment', achieved: 90, percent: 42.857…, elapsed: 0.6002…, verdict: 'behind', … }
 */
export function targetAttainment(indicator: Target, period: AttainmentPeriod): Attainment {
  const rule = attainmentRule(indicator);
  const observations = indicator.observations ?? [];
  const base = indicator.baseline?.observation?.value;
  if (rule === 'relative' && (base === undefined || !(base > 0))) {
    return notReported(rule, 'baseline');
  }
  const latest = latestOf(observations);
  if (latest === undefined) return notReported(rule, 'observations');
  const target = indicator.value;

  if (rule === 'increment') {
    const got = incrementAchieved(observations, period);
    if (got === undefined) return notReported(rule, 'observations');
    const elapsed = periodElapsed(got.asOf, period);
    const percent = target > 0 ? finiteOrNull((got.value / target) * 100) : null;
    const met = reaches(got.value, target, indicator.comparator);
    const verdict = verdictOf(met, percent, elapsed);
    return { rule, verdict, achieved: finiteOrNull(got.value), percent, asOf: got.asOf, elapsed };
  }

  const asOf = latest.date;
  const elapsed = periodElapsed(asOf, period);

  if (rule === 'ceiling') {
    const cap = indicator.upper ?? target;
    const within = latest.value <= cap;
    const percent = within ? 100 : cap > 0 ? finiteOrNull((cap / latest.value) * 100) : null;
    const verdict: Verdict = within ? 'met' : 'behind';
    return { rule, verdict, achieved: latest.value, percent, asOf, elapsed };
  }

  if (rule === 'relative' && base !== undefined) {
    const ratio = latest.value / base;
    const percent = target > 1 ? finiteOrNull(((ratio - 1) / (target - 1)) * 100) : null;
    const verdict = verdictOf(reaches(ratio, target, indicator.comparator), percent, elapsed);
    return { rule, verdict, achieved: finiteOrNull(ratio), percent, asOf, elapsed };
  }

  const percent = target > 0 ? finiteOrNull((latest.value / target) * 100) : null;
  const verdict = verdictOf(reaches(latest.value, target, indicator.comparator), percent, elapsed);
  return { rule, verdict, achieved: latest.value, percent, asOf, elapsed };
}
