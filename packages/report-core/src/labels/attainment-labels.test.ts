import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../model/follow-up.js';
import {
  formatAchievement,
  formatAttainment,
  formatAttainmentPercent,
  observationBasisLabel,
  verdictLabel,
} from './attainment-labels.js';

describe('attainment labels', () => {
  it('names each verdict in Chinese and English', () => {
    expect(VerdictSchema.options.map((v) => verdictLabel(v).zh)).toEqual([
      '已达成',
      '进度正常',
      '滞后',
      '未报告',
    ]);
    expect(verdictLabel('on-track').en).toBe('On track');
  });

  it('names the basis of an observation, absent being cumulative', () => {
    expect(observationBasisLabel('annual').zh).toBe('当年');
    expect(observationBasisLabel('cumulative').zh).toBe('累计');
    expect(observationBasisLabel(undefined)).toEqual(observationBasisLabel('cumulative'));
  });

  it('rounds a percent to a whole number and shows none as —', () => {
    expect(formatAttainmentPercent(42.857142857142854)).toBe('43%');
    expect(formatAttainmentPercent(150.2)).toBe('150%');
    expect(formatAttainmentPercent(Number.NaN)).toBe('—');
  });

  it('gives the verdict alone when there is no percent, and why a target is not reported', () => {
    const base = { rule: 'level', achieved: 0, asOf: '2024-12-31', elapsed: 0.6 } as const;
    expect(formatAttainment({ ...base, verdict: 'met', percent: null })).toEqual({
      zh: '已达成',
      en: 'Met',
    });
    expect(
      formatAttainment({
        rule: 'relative',
        verdict: 'not-reported',
        achieved: null,
        percent: null,
        asOf: null,
        elapsed: null,
        missing: 'baseline',
      }),
    ).toEqual({ zh: '未报告（缺少基期值）', en: 'Not reported (the baseline value is missing)' });
    expect(formatAttainment({ ...base, verdict: 'on-track', percent: 71.4 }).en).toBe(
      '71% attained, on track',
    );
  });

  // issue 19: a measure's page shows each target as 90 / 210 公里（43%）.
  it('writes what a target achieved against it, with its unit once and the percent', () => {
    expect(formatAchievement({ value: 210, unit: '公里' }, { achieved: 90, percent: 42.857 })).toBe(
      '90 / 210 公里（43%）',
    );
    expect(formatAchievement({ value: 6, unit: '%' }, { achieved: 5.5, percent: null })).toBe(
      '5.5 / 6%',
    );
    expect(
      formatAchievement(
        { value: 200000000000, unit: '元' },
        { achieved: 150000000000, percent: 75 },
      ),
    ).toBe('1500 / 2000 亿元（75%）');
    expect(formatAchievement({ value: 210, unit: '公里' }, { achieved: null, percent: null })).toBe(
      undefined,
    );
  });
});
