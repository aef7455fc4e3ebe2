import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import {
  departmentsOfMeasure,
  measureBelongsTo,
  measuresOfDepartments,
} from './department-scope.js';
import { editableCopy } from './readonly.js';
import type { Measure, Report } from './report.js';

const measureOf = (r: Report, id: string): Measure => {
  const found = r.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.id === id);
  if (found === undefined) throw new Error(`test setup: no measure ${id}`);
  return found;
};

/** The canonical report with m38 led by 交通 (发改 co), m40 led by 发改, m44 shared by 交通 only. */
function assigned(): Report {
  const r = editableCopy(canonicalReport);
  r.departments = [
    { id: 'dept-jt', name: '市交通运输局' },
    { id: 'dept-fg', name: '市发展改革委' },
    { id: 'dept-jy', name: '市教育局' },
  ];
  measureOf(r, 'm38').responsibility = {
    lead: 'dept-jt',
    co: ['dept-fg'],
    deadline: null,
    milestones: [],
  };
  measureOf(r, 'm40').responsibility = { lead: 'dept-fg', co: [], deadline: null, milestones: [] };
  measureOf(r, 'm44').responsibility = {
    lead: null,
    co: ['dept-jt'],
    deadline: null,
    milestones: [],
  };
  return r;
}

describe('measures of departments', () => {
  it('a measure belongs to its lead and to each co-responsible department', () => {
    const r = assigned();
    const m38 = measureOf(r, 'm38');
    expect(departmentsOfMeasure(m38)).toEqual(['dept-jt', 'dept-fg']);
    expect(measureBelongsTo(m38, ['dept-jt'])).toBe(true);
    expect(measureBelongsTo(m38, ['dept-fg'])).toBe(true);
    expect(measureBelongsTo(m38, ['dept-jy'])).toBe(false);
  });

  it('a measure with a co-responsible department but no lead belongs to that department', () => {
    const m44 = measureOf(assigned(), 'm44');
    expect(departmentsOfMeasure(m44)).toEqual(['dept-jt']);
    expect(measureBelongsTo(m44, new Set(['dept-jt']))).toBe(true);
  });

  it('a measure with no responsibility belongs to no department', () => {
    const m42 = measureOf(assigned(), 'm42');
    expect(departmentsOfMeasure(m42)).toEqual([]);
    expect(measureBelongsTo(m42, ['dept-jt', 'dept-fg', 'dept-jy'])).toBe(false);
  });

  it('lists a department’s measures in report order, each once even when several departments match', () => {
    const r = assigned();
    expect(measuresOfDepartments(r, ['dept-jt']).map((m) => m.id)).toEqual(['m38', 'm44']);
    expect(measuresOfDepartments(r, ['dept-fg', 'dept-jt']).map((m) => m.id)).toEqual([
      'm38',
      'm40',
      'm44',
    ]);
    expect(measuresOfDepartments(r, ['dept-jy'])).toEqual([]);
    expect(measuresOfDepartments(r, [])).toEqual([]);
  });

  it('on the canonical report no department has a measure: the source names none', () => {
    expect(measuresOfDepartments(canonicalReport, ['dept-jt'])).toEqual([]);
  });
});
