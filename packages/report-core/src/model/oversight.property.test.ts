import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { oversight } from './oversight.js';
import { editableCopy } from './readonly.js';
import type { Report } from './report.js';
import { TrackingStatusSchema } from './tracking.js';

const DEPARTMENTS = ['dept-a', 'dept-b', 'dept-c'];
const dept = fc.constantFrom(...DEPARTMENTS, 'dept-unlisted');
const day = fc
  .tuple(
    fc.integer({ min: 2022, max: 2027 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const measurePlan = fc.record({
  responsibility: fc.option(
    fc.record({
      lead: fc.option(dept, { nil: null }),
      co: fc.uniqueArray(dept, { maxLength: 3 }),
      deadline: fc.option(day, { nil: null }),
    }),
    { nil: undefined },
  ),
  update: fc.option(
    fc.tuple(day, fc.option(fc.constantFrom(...TrackingStatusSchema.options), { nil: undefined })),
    {
      nil: undefined,
    },
  ),
});

/** The canonical report with random responsibilities (some naming an unlisted department) and updates. */
const planned = fc.array(measurePlan, { minLength: 76, maxLength: 76 }).map((plans): Report => {
  const r = editableCopy(canonicalReport);
  r.departments = DEPARTMENTS.map((id, i) => ({ id, name: `单位${i + 1}` }));
  r.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .forEach((m, i) => {
      const plan = plans[i];
      if (plan?.responsibility !== undefined)
        m.responsibility = { ...plan.responsibility, milestones: [] };
      if (plan?.update !== undefined) {
        const [date, status] = plan.update;
        m.tracking.updates = [
          { id: `u-${i}`, date, note: '进展。', ...(status === undefined ? {} : { status }) },
        ];
      }
    });
  return r;
});

describe('oversight, random responsibilities and updates', () => {
  it('puts each flagged measure once in each listed department it names, else in the unassigned group', () => {
    fc.assert(
      fc.property(planned, day, (report, asOf) => {
        const o = oversight(report, asOf);
        const listed = new Set(DEPARTMENTS);
        const measures = report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
        for (const m of measures) {
          const named = [m.responsibility?.lead ?? null, ...(m.responsibility?.co ?? [])].filter(
            (id): id is string => id !== null && listed.has(id),
          );
          const expected = named.length === 0 ? [null] : [...new Set(named)];
          const holding = o.groups
            .filter((g) => g.stale.some((x) => x.measureId === m.id))
            .map((g) => g.department?.id ?? null);
          // A measure never updated (so not completed) is stale, in every group it belongs to.
          if (m.tracking.updates.length === 0) expect(holding.length).toBeGreaterThan(0);
          if (holding.length > 0) expect(holding.sort()).toEqual([...expected].sort());
        }
        for (const g of o.groups) {
          for (const list of [g.stale, g.overdue, g.delayed]) {
            const ids = list.map((x) => x.measureId);
            expect(new Set(ids).size).toBe(ids.length);
          }
        }
        const distinct = (
          pick: (g: (typeof o.groups)[number]) => { measureId: string }[],
        ): number => new Set(o.groups.flatMap((g) => pick(g).map((x) => x.measureId))).size;
        expect(o.totals.stale).toBe(distinct((g) => g.stale));
        expect(o.totals.overdue).toBe(distinct((g) => g.overdue));
        expect(o.totals.delayed).toBe(distinct((g) => g.delayed));
        for (const g of o.groups) {
          for (const x of [...g.stale, ...g.overdue]) expect(x.status).not.toBe('completed');
          for (const x of g.overdue) expect(x.deadline !== null && x.deadline < asOf).toBe(true);
          for (const x of g.stale)
            expect(x.lastUpdate === null || x.lastUpdate <= o.staleBefore).toBe(true);
          for (const x of g.delayed) expect(x.status).toBe('delayed');
        }
      }),
      { numRuns: 60 },
    );
  });
});
