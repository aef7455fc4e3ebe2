import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../model/follow-up.js';
import {
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
});
