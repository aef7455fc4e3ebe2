import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { editableCopy } from './readonly.js';
import type { Report } from './report.js';
import { SCORE_STATUSES, SCORE_VERDICTS, ScoreboardSchema, scoreboard } from './scoreboard.js';
import { TrackingStatusSchema } from './tracking.js';

const day = fc
  .tuple(
    fc.integer({ min: 2022, max: 2026 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const status = fc.constantFrom(...TrackingStatusSchema.options);
const plan = fc.record({
  own: fc.option(status, { nil: null }),
  updates: fc.array(fc.tuple(day, fc.option(status, { nil: undefined })), { maxLength: 3 }),
  observed: fc.option(fc.tuple(day, fc.double({ min: 0, max: 1e6, noNaN: true })), {
    nil: undefined,
  }),
});

/** The canonical report with random statuses, updates and one observation per first target. */
const planned = fc.array(plan, { minLength: 76, maxLength: 76 }).map((plans): Report => {
  const r = editableCopy(canonicalReport);
  r.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .forEach((m, i) => {
      const p = plans[i];
      if (p === undefined) return;
      m.tracking.status = p.own;
      m.tracking.updates = p.updates.map(([date, s], j) => ({
        id: `u-${i}-${j}`,
        date,
        note: '进展。',
        ...(s === undefined ? {} : { status: s }),
      }));
      const first = m.indicators[0];
      if (first !== undefined && p.observed !== undefined) {
        const [date, value] = p.observed;
        first.observations = [
          {
            id: `o-${i}`,
            date,
            value,
            source: { title: '统计公报', url: 'https://www.leshan.gov.cn/' },
          },
        ];
      }
    });
  return r;
});

const sum = (r: Readonly<Record<string, number>>): number =>
  Object.values(r).reduce((a, b) => a + b, 0);

describe('scoreboard, random tracking', () => {
  it('counts every measure once and every target once; shares add up to 100, in total and per chapter', () => {
    fc.assert(
      fc.property(planned, fc.option(day, { nil: undefined }), (report, asOf) => {
        const board = scoreboard(report, asOf);
        expect(ScoreboardSchema.safeParse(board).success).toBe(true);
        const tallies = [board.total, ...board.chapters.map((c) => c.tally)];
        for (const t of tallies) {
          expect(sum(t.byStatus)).toBe(t.measures);
          expect(sum(t.byVerdict)).toBe(t.targets);
          expect(sum(t.shares)).toBe(t.measures === 0 ? 0 : 100);
          expect(sum(t.verdictShares)).toBe(t.targets === 0 ? 0 : 100);
        }
        expect(board.total.measures).toBe(76);
        for (const s of SCORE_STATUSES)
          expect(
            sum(Object.fromEntries(board.chapters.map((c) => [c.chapterId, c.tally.byStatus[s]]))),
          ).toBe(board.total.byStatus[s]);
        for (const v of SCORE_VERDICTS)
          expect(board.chapters.reduce((n, c) => n + c.tally.byVerdict[v], 0)).toBe(
            board.total.byVerdict[v],
          );
      }),
    );
  });

  it('counts a measure as not reported exactly when its current status is null', () => {
    fc.assert(
      fc.property(planned, (report) => {
        const measures = report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
        const expected = measures.filter((m) => {
          const latest = [...m.tracking.updates]
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .reverse()
            .find((u) => u.status !== undefined);
          return (latest === undefined ? m.tracking.status : latest.status) === null;
        }).length;
        expect(scoreboard(report).total.byStatus['not-reported']).toBe(expected);
      }),
    );
  });
});
