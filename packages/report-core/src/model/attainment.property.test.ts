import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainmentRule, periodElapsed, targetAttainment } from './attainment.js';
import type { Observation } from './follow-up.js';
import { AttainmentSchema } from './follow-up.js';
import type { Indicator } from './indicator.js';
import { ComparatorSchema, TargetKindSchema } from './indicator.js';

// Issue 18 acceptance: property tests for attainment and verdicts over every target kind and
// comparator (the rule: README, "Attainment and verdicts").

const period = { start: 2022, end: 2026 };
const RUNS = { numRuns: 400 };

const pad = (n: number): string => String(n).padStart(2, '0');
const date = fc
  .record({
    y: fc.integer({ min: 2019, max: 2028 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
const value = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, 2, 1e308, -1e308, 5e-324),
);
const basis = fc.constantFrom<Observation['basis']>(undefined, 'cumulative', 'annual');

const observation = (id: number): fc.Arbitrary<Observation> =>
  fc.record({ date, value, basis }).map(({ date: d, value: v, basis: b }) => ({
    id: `obs-p${id}`,
    date: d,
    value: v,
    ...(b === undefined ? {} : { basis: b }),
    source: { title: '统计公报' },
  }));
const observations = fc.array(fc.tuple(date, value, basis), { maxLength: 8 }).map((rows) =>
  rows.map(([d, v, b], i): Observation => ({
    id: `obs-p${i}`,
    date: d,
    value: v,
    ...(b === undefined ? {} : { basis: b }),
    source: { title: '统计公报' },
  })),
);

const indicator = fc
  .record({
    value,
    upper: fc.option(value, { nil: undefined }),
    comparator: fc.constantFrom(...ComparatorSchema.options),
    kind: fc.constantFrom(undefined, ...TargetKindSchema.options),
    baseline: fc.option(fc.option(observation(99), { nil: undefined }), { nil: undefined }),
    observations: fc.option(observations, { nil: undefined }),
  })
  .map(({ value: v, upper, comparator, kind, baseline, observations: list }): Indicator => ({
    id: 'm1-t1',
    metric: '指标',
    value: v,
    ...(upper === undefined ? {} : { upper: Math.max(upper, v) }),
    unit: '个',
    comparator,
    ...(kind === undefined ? {} : { kind }),
    ...(baseline === undefined
      ? {}
      : {
          baseline: {
            year: 2020,
            raw: '较2020年',
            ...(baseline === undefined ? {} : { observation: baseline }),
          },
        }),
    raw: '指标',
    ...(list === undefined ? {} : { observations: list }),
    aspirational: false,
  }));

/** Whether any observation can count: for an increment, a cumulative one or an annual one in the period. */
const usable = (i: Indicator): boolean => {
  const list = i.observations ?? [];
  if (attainmentRule(i) === 'relative' && !((i.baseline?.observation?.value ?? 0) > 0))
    return false;
  if (attainmentRule(i) !== 'increment') return list.length > 0;
  return list.some((o) => {
    const year = Number(o.date.slice(0, 4));
    return o.basis !== 'annual' || (year >= period.start && year <= period.end);
  });
};

describe('targetAttainment, every kind and comparator', () => {
  it('never gives NaN or ±Infinity, and always fits AttainmentSchema', () => {
    fc.assert(
      fc.property(indicator, (i) => {
        const a = targetAttainment(i, period);
        for (const x of [a.achieved, a.percent, a.elapsed]) {
          if (x !== null) expect(Number.isFinite(x)).toBe(true);
        }
        expect(AttainmentSchema.safeParse(a).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('is not reported exactly when no observation can be used', () => {
    fc.assert(
      fc.property(indicator, (i) => {
        const a = targetAttainment(i, period);
        expect(a.verdict === 'not-reported').toBe(!usable(i));
        if (a.verdict === 'not-reported') {
          expect(a).toMatchObject({ achieved: null, percent: null, asOf: null, elapsed: null });
          expect(a.missing).toBeDefined();
        } else {
          expect(a.missing).toBeUndefined();
          expect(a.asOf).not.toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('puts elapsed in [0, 1], equal to periodElapsed of asOf', () => {
    fc.assert(
      fc.property(indicator, (i) => {
        const a = targetAttainment(i, period);
        if (a.asOf === null) return;
        expect(a.elapsed).toBeGreaterThanOrEqual(0);
        expect(a.elapsed).toBeLessThanOrEqual(1);
        expect(a.elapsed).toBe(periodElapsed(a.asOf, period));
      }),
      RUNS,
    );
  });

  it('does not depend on the order of observations with distinct dates', () => {
    fc.assert(
      fc.property(indicator, fc.integer(), (i, seed) => {
        const list = i.observations ?? [];
        const distinct = [...new Map(list.map((o) => [o.date, o])).values()];
        const shuffled = [...distinct].sort(
          (a, b) =>
            ((a.value * 7919 + seed) % 13) - ((b.value * 7919 + seed) % 13) ||
            a.id.localeCompare(b.id),
        );
        const reversed = [...distinct].reverse();
        const a = targetAttainment({ ...i, observations: distinct }, period);
        expect(targetAttainment({ ...i, observations: shuffled }, period)).toEqual(a);
        expect(targetAttainment({ ...i, observations: reversed }, period)).toEqual(a);
      }),
      RUNS,
    );
  });

  it('a ceiling is met exactly when the latest value is within its cap', () => {
    fc.assert(
      fc.property(indicator, (raw) => {
        const i: Indicator = { ...raw, comparator: 'lte' };
        const a = targetAttainment(i, period);
        expect(a.rule).toBe('ceiling');
        const list = i.observations ?? [];
        if (list.length === 0) return;
        const latest = list.reduce((l, o) => (o.date >= l.date ? o : l));
        const within = latest.value <= (i.upper ?? i.value);
        expect(a.verdict === 'met').toBe(within);
        expect(a.verdict === 'behind').toBe(!within);
        if (within) expect(a.percent).toBe(100);
      }),
      RUNS,
    );
  });

  it('a relative target without its baseline value is not reported (missing baseline)', () => {
    fc.assert(
      fc.property(indicator, (raw) => {
        const i: Indicator = {
          ...raw,
          comparator: raw.comparator === 'lte' ? 'gte' : raw.comparator,
          baseline: { year: 2020, raw: '较2020年' },
        };
        expect(targetAttainment(i, period)).toMatchObject({
          rule: 'relative',
          verdict: 'not-reported',
          missing: 'baseline',
        });
      }),
      RUNS,
    );
  });
});

describe('increment targets', () => {
  const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true });
  const increment = (target: number, list: Observation[]): Indicator => ({
    id: 'm1-t1',
    metric: '新建高速公路',
    value: target,
    unit: '公里',
    comparator: 'eq',
    kind: 'increment',
    raw: '210公里',
    observations: list,
    aspirational: false,
  });
  const obs = (id: string, d: string, v: number, b: Observation['basis']): Observation => ({
    id,
    date: d,
    value: v,
    ...(b === undefined ? {} : { basis: b }),
    source: { title: '统计公报' },
  });

  it('a later, larger cumulative observation never lowers attainment', () => {
    fc.assert(
      fc.property(
        observations,
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        positive,
        (list, target, extra) => {
          const before = targetAttainment(increment(target, list), period);
          // "Larger" needs a finite amount to be larger than (seed 596779316: 1e308 + 1e308).
          fc.pre(before.verdict === 'not-reported' || before.achieved !== null);
          const dates = list.map((o) => o.date).sort();
          const last = dates.at(-1) ?? '2022-06-30';
          const [y] = last.split('-').map(Number);
          const later = `${(y ?? 2022) + 1}-12-31`;
          const after = targetAttainment(
            increment(target, [
              ...list,
              obs('obs-later', later, (before.achieved ?? 0) + extra, 'cumulative'),
            ]),
            period,
          );
          if (before.achieved !== null && after.achieved !== null) {
            expect(after.achieved).toBeGreaterThanOrEqual(before.achieved);
          }
          if (before.percent !== null && after.percent !== null) {
            expect(after.percent).toBeGreaterThanOrEqual(before.percent);
          }
          // The verdict may fall as time passes (a later date, the same share): met stays met.
          if (before.verdict === 'met') expect(after.verdict).toBe('met');
        },
      ),
      RUNS,
    );
  });

  it('annual values alone add up, the latest of each year counting once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 2022, max: 2026 }),
            fc.integer({ min: 1, max: 12 }),
            fc.integer({ min: 0, max: 1000 }),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        (rows) => {
          const list = rows.map(([y, m, v], k) =>
            obs(`obs-a${k}`, `${y}-${pad(m)}-15`, v, 'annual'),
          );
          const byYear = new Map<number, Observation>();
          for (const o of list) {
            const year = Number(o.date.slice(0, 4));
            const kept = byYear.get(year);
            if (kept === undefined || o.date >= kept.date) byYear.set(year, o);
          }
          const expected = [...byYear.values()].reduce((s, o) => s + o.value, 0);
          const a = targetAttainment(increment(210, list), period);
          expect(a.achieved).toBe(expected);
          expect(a.percent).toBeCloseTo((expected / 210) * 100, 9);
        },
      ),
      RUNS,
    );
  });
});
