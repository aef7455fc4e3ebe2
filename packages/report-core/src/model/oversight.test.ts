import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import type { Observation } from './follow-up.js';
import { monthsBefore, oversight } from './oversight.js';
import { editableCopy } from './readonly.js';
import type { Measure, Report } from './report.js';
import type { ProgressUpdate } from './tracking.js';

const measureOf = (r: Report, id: string): Measure => {
  const found = r.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.id === id);
  if (found === undefined) throw new Error(`test setup: no measure ${id}`);
  return found;
};
const update = (id: string, date: string, extra: Partial<ProgressUpdate> = {}): ProgressUpdate => ({
  id,
  date,
  note: '已报送进展。',
  ...extra,
});
const ninety: Observation = {
  id: 'obs-1',
  date: '2024-12-31',
  value: 90,
  source: { title: '2024年乐山市国民经济和社会发展统计公报', url: 'https://www.leshan.gov.cn/' },
};

/** The canonical report with two departments and five measures given responsibility and updates. */
function followed(): Report {
  const r = editableCopy(canonicalReport);
  r.departments = [
    { id: 'dept-jt', name: '市交通运输局' },
    { id: 'dept-fg', name: '市发展改革委' },
  ];
  const m38 = measureOf(r, 'm38');
  m38.responsibility = { lead: 'dept-jt', co: ['dept-fg'], deadline: '2026-12-31', milestones: [] };
  m38.tracking.updates = [update('u-1', '2026-03-01')]; // recent: not stale
  const road = m38.indicators[0];
  if (road === undefined) throw new Error('test setup: m38 has no target');
  road.observations = [ninety]; // 43%, behind
  const m40 = measureOf(r, 'm40');
  m40.responsibility = { lead: 'dept-fg', co: [], deadline: '2026-06-30', milestones: [] };
  m40.tracking.updates = [update('u-2', '2026-02-28', { status: 'delayed', progress: 30 })];
  const m42 = measureOf(r, 'm42');
  m42.responsibility = { lead: 'dept-fg', co: [], deadline: '2025-12-31', milestones: [] };
  m42.tracking.updates = [update('u-3', '2025-01-10', { status: 'completed', progress: 100 })];
  const m44 = measureOf(r, 'm44');
  m44.responsibility = { lead: null, co: ['dept-jt'], deadline: null, milestones: [] };
  m44.tracking.updates = [update('u-4', '2026-02-28'), update('u-5', '2026-03-01')];
  return r;
}

const ids = (list: readonly { measureId: string }[]): string[] => list.map((m) => m.measureId);

describe('oversight', () => {
  it('on the canonical report, every measure is unassigned and stale: nobody has reported', () => {
    const o = oversight(canonicalReport, '2026-08-31');
    expect(o.staleBefore).toBe('2026-02-28');
    expect(o.groups).toHaveLength(1);
    const [unassigned] = o.groups;
    expect(unassigned?.department).toBeNull();
    expect(unassigned?.stale).toHaveLength(76);
    expect(unassigned?.stale[0]).toMatchObject({ measureId: 'm38', role: null, lastUpdate: null });
    expect(o.totals).toEqual({ stale: 76, overdue: 0, delayed: 0, behind: 0 });
  });

  it('groups by lead and co-responsible department, then the unassigned measures', () => {
    const o = oversight(followed(), '2026-08-31');
    expect(o.groups.map((g) => g.department?.name ?? null)).toEqual([
      '市交通运输局',
      '市发展改革委',
      null,
    ]);
    const [jt, fg, unassigned] = o.groups;
    // m38's road is behind (43% at 0.6): for its lead and for its co-responsible department.
    expect(jt?.behind.map((t) => [t.indicatorId, t.role, t.attainment.verdict])).toEqual([
      ['m38-t1', 'lead', 'behind'],
    ]);
    expect(fg?.behind.map((t) => [t.indicatorId, t.role])).toEqual([['m38-t1', 'co']]);
    expect(Math.round(jt?.behind[0]?.attainment.percent ?? 0)).toBe(43);
    // m40: delayed, past its deadline, last update exactly six months before asOf (stale).
    expect(ids(fg?.delayed ?? [])).toEqual(['m40']);
    expect(ids(fg?.overdue ?? [])).toEqual(['m40']);
    expect(ids(fg?.stale ?? [])).toEqual(['m40']);
    expect(fg?.overdue[0]).toMatchObject({
      role: 'lead',
      deadline: '2026-06-30',
      status: 'delayed',
    });
    // m42 is completed: never stale nor overdue. m44's latest update is recent: not stale.
    expect([...ids(jt?.stale ?? []), ...ids(fg?.stale ?? [])]).not.toContain('m42');
    expect(ids(jt?.stale ?? [])).toEqual([]);
    expect(ids(unassigned?.stale ?? [])).not.toContain('m38');
    expect(ids(unassigned?.stale ?? [])).toHaveLength(72); // the 76 measures but the four assigned
    expect(o.totals).toEqual({ stale: 73, overdue: 1, delayed: 1, behind: 1 });
  });

  it('counts a measure in the unassigned group when it names no listed department', () => {
    const r = followed();
    measureOf(r, 'm40').responsibility = {
      lead: null,
      co: [],
      deadline: '2026-06-30',
      milestones: [],
    };
    const [, fg, unassigned] = oversight(r, '2026-08-31').groups;
    expect(ids(fg?.overdue ?? [])).toEqual([]);
    expect(ids(unassigned?.overdue ?? [])).toEqual(['m40']);
  });

  it('an update one day later than six months before asOf keeps a measure fresh', () => {
    const r = followed();
    measureOf(r, 'm40').tracking.updates = [update('u-2', '2026-03-01', { status: 'delayed' })];
    const [, fg] = oversight(r, '2026-08-31').groups;
    expect(ids(fg?.stale ?? [])).toEqual([]);
    expect(ids(fg?.delayed ?? [])).toEqual(['m40']);
  });

  it('flags nothing as stale or overdue for an asOf that is no date, and never throws', () => {
    const o = oversight(followed(), 'yesterday');
    expect(o.totals).toEqual({ stale: 0, overdue: 0, delayed: 1, behind: 1 });
  });

  it('is pure: the same report and day give the same result, the report unchanged', () => {
    const r = followed();
    const before = structuredClone(r);
    expect(oversight(r, '2026-08-31')).toEqual(oversight(r, '2026-08-31'));
    expect(r).toEqual(before);
  });
});

describe('monthsBefore', () => {
  it('goes back whole months, clamped to the end of a shorter month', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
    expect(monthsBefore('2026-01-01', 0)).toBe('2026-01-01');
    expect(monthsBefore('2026-1-1', 6)).toBeUndefined();
  });
});
