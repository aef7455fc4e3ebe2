import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { formatAttainment, formatAttainmentPercent } from '../labels/attainment-labels.js';
import { periodElapsed, targetAttainment } from './attainment.js';
import type { Observation } from './follow-up.js';
import { AttainmentSchema } from './follow-up.js';
import type { Indicator } from './indicator.js';
import { findNode } from './query.js';

const period = canonicalReport.meta.period;

const canonicalTarget = (id: string): Indicator => {
  const found = findNode(canonicalReport, id);
  if (found?.kind !== 'indicator') throw new Error(`test setup: no target ${id}`);
  return structuredClone(found.node) as Indicator;
};

let n = 0;
const obs = (date: string, value: number, basis?: Observation['basis']): Observation => ({
  id: `obs-t${(n += 1)}`,
  date,
  value,
  ...(basis === undefined ? {} : { basis }),
  source: { title: '统计公报', url: 'https://www.leshan.gov.cn/' },
});

const withObs = (indicator: Indicator, observations: Observation[]): Indicator => ({
  ...indicator,
  observations,
});

describe('targetAttainment on the canonical targets', () => {
  it('m38-t1 (新建高速公路 210 公里): 90 km as of 2024-12-31 is 43% and behind at 0.6 of 2022–2026', () => {
    const road = canonicalTarget('m38-t1');
    const a = targetAttainment(withObs(road, [obs('2024-12-31', 90)]), period);
    expect(a.rule).toBe('increment');
    expect(a.achieved).toBe(90);
    expect(a.percent).toBeCloseTo(42.857, 3);
    expect(a.elapsed).toBeCloseTo(0.6, 3);
    expect(a.asOf).toBe('2024-12-31');
    expect(a.verdict).toBe('behind');
    expect(a.missing).toBeUndefined();
    expect(formatAttainmentPercent(a.percent)).toBe('43%');
    expect(formatAttainment(a)).toEqual({ zh: '完成 43%，滞后', en: '43% attained, behind' });
    expect(AttainmentSchema.parse(a)).toEqual(a);
  });

  it('m38-t1 with no observation is not reported', () => {
    const a = targetAttainment(canonicalTarget('m38-t1'), period);
    expect(a).toEqual({
      rule: 'increment',
      verdict: 'not-reported',
      achieved: null,
      percent: null,
      asOf: null,
      elapsed: null,
      missing: 'observations',
    });
    expect(formatAttainment(a).zh).toBe('未报告（尚无实际值）');
  });

  it('an increment adds the annual amounts of the years after its latest cumulative value', () => {
    const road = canonicalTarget('m38-t1');
    const a = targetAttainment(
      withObs(road, [
        obs('2022-12-31', 30, 'annual'), // inside the cumulative 90 below: not added again
        obs('2023-12-31', 90, 'cumulative'),
        obs('2024-06-30', 20, 'annual'), // replaced by the later 2024 annual figure
        obs('2024-12-31', 50, 'annual'),
        obs('2025-12-31', 40, 'annual'),
      ]),
      period,
    );
    expect(a.achieved).toBe(180);
    expect(a.asOf).toBe('2025-12-31');
    expect(a.percent).toBeCloseTo((180 / 210) * 100, 9);
    expect(a.elapsed).toBeCloseTo(0.8, 3);
    expect(a.verdict).toBe('on-track'); // 85.7 ≥ 80 − 10
  });

  it('annual amounts alone are summed, one per year, and years outside the period do not count', () => {
    const road = canonicalTarget('m38-t1');
    const a = targetAttainment(
      withObs(road, [
        obs('2021-12-31', 500, 'annual'),
        obs('2022-12-31', 60, 'annual'),
        obs('2023-12-31', 70, 'annual'),
        obs('2024-12-31', 90, 'annual'),
      ]),
      period,
    );
    expect(a.achieved).toBe(220);
    expect(a.verdict).toBe('met');
  });

  // attainment property test, seed 596779316: a cumulative value dated before the period let the
  // annual values of the years between it and the period count.
  it('a cumulative value before the period does not let annual values of earlier years count', () => {
    const road = canonicalTarget('m38-t1');
    const a = targetAttainment(
      withObs(road, [
        obs('2020-12-31', 10, 'cumulative'),
        obs('2021-12-31', 500, 'annual'),
        obs('2022-12-31', 60, 'annual'),
      ]),
      period,
    );
    expect(a.achieved).toBe(70);
  });

  it('the unemployment ceiling (m282-t1, ≤ 6%) is met within it and behind above it', () => {
    const cap = canonicalTarget('m282-t1');
    const within = targetAttainment(withObs(cap, [obs('2023-12-31', 5.4)]), period);
    expect(within).toMatchObject({ rule: 'ceiling', verdict: 'met', achieved: 5.4, percent: 100 });
    const above = targetAttainment(
      withObs(cap, [obs('2023-12-31', 5), obs('2024-12-31', 7.5)]),
      period,
    );
    expect(above.rule).toBe('ceiling');
    expect(above.verdict).toBe('behind');
    expect(above.percent).toBeCloseTo(80, 9);
  });

  it('the doubling of 国家高新技术企业 (m50-t1, 翻一番 较2020年) needs its baseline value', () => {
    const doubling = canonicalTarget('m50-t1');
    const without = targetAttainment(withObs(doubling, [obs('2024-12-31', 300)]), period);
    expect(without).toMatchObject({
      rule: 'relative',
      verdict: 'not-reported',
      missing: 'baseline',
    });
    expect(formatAttainment(without).zh).toBe('未报告（缺少基期值）');

    const baseline = { year: 2020, raw: '较2020年', observation: obs('2020-12-31', 200) };
    expect(doubling.baseline).toEqual({ year: 2020, raw: '较2020年' });
    const measured = targetAttainment(
      { ...doubling, baseline, observations: [obs('2024-12-31', 300)] },
      period,
    );
    expect(measured.rule).toBe('relative');
    expect(measured.achieved).toBe(1.5);
    expect(measured.percent).toBeCloseTo(50, 9);
    expect(measured.verdict).toBe('behind'); // 50 < 60 − 10
    const doubled = targetAttainment(
      { ...doubling, baseline, observations: [obs('2025-06-30', 410)] },
      period,
    );
    expect(doubled.verdict).toBe('met');
  });

  it('a level compares the latest value, by date and then list order', () => {
    const level: Indicator = { ...canonicalTarget('m50-t1'), baseline: undefined };
    delete level.baseline;
    const a = targetAttainment(
      withObs(level, [obs('2025-12-31', 1), obs('2023-12-31', 9), obs('2025-12-31', 1.8)]),
      period,
    );
    expect(a).toMatchObject({ rule: 'level', achieved: 1.8, asOf: '2025-12-31', percent: 90 });
    expect(a.verdict).toBe('on-track');
  });
});

describe('verdict edges', () => {
  const road = canonicalTarget('m38-t1');

  it('is behind once the period is over (31 December of its last year), whatever the percent', () => {
    expect(periodElapsed('2026-12-31', period)).toBe(1);
    const a = targetAttainment(withObs(road, [obs('2026-12-31', 209)]), period);
    expect(a.verdict).toBe('behind');
    expect(formatAttainmentPercent(a.percent)).toBe('99%'); // 99.5%, not met: never 100%
  });

  it('never shows 100% for a target not met', () => {
    expect(formatAttainmentPercent(99.6)).toBe('99%');
    expect(formatAttainmentPercent(100.4)).toBe('100%');
    expect(formatAttainmentPercent(null)).toBe('—');
    expect(formatAttainmentPercent(-0.2)).toBe('0%');
  });

  it('is on track within 10 points of the elapsed share, and behind below it', () => {
    // 2024-12-31 is 1096/1826 of the period: the threshold is 50.02%.
    expect(targetAttainment(withObs(road, [obs('2024-12-31', 106)]), period).verdict).toBe(
      'on-track',
    );
    expect(targetAttainment(withObs(road, [obs('2024-12-31', 105)]), period).verdict).toBe(
      'behind',
    );
  });

  it('counts the elapsed share from 1 January of the first year, clamped to 0..1', () => {
    expect(periodElapsed('2022-01-01', period)).toBeCloseTo(1 / 1826, 12);
    expect(periodElapsed('2021-06-30', period)).toBe(0);
    expect(periodElapsed('2030-01-01', period)).toBe(1);
    expect(periodElapsed('2022-12-31', { start: 2022, end: 2022 })).toBe(1);
  });

  it('a zero target has no percent and is judged by the comparison alone', () => {
    const zero: Indicator = { ...road, value: 0 };
    const a = targetAttainment(withObs(zero, [obs('2023-12-31', 0)]), period);
    expect(a).toMatchObject({ percent: null, verdict: 'met' });
    const below: Indicator = { ...road, value: 0, comparator: 'gt' };
    const b = targetAttainment(withObs(below, [obs('2023-12-31', 0)]), period);
    expect(b).toMatchObject({ percent: null, verdict: 'behind' });
  });

  it('values too large to add up give null, not Infinity', () => {
    const a = targetAttainment(
      withObs(road, [obs('2023-12-31', 1.7e308, 'annual'), obs('2024-12-31', 1.7e308, 'annual')]),
      period,
    );
    expect(a.achieved).toBeNull();
    expect(a.percent).toBeNull();
    expect(a.verdict).toBe('met');
  });
});
