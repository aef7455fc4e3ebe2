import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import type { Observation } from './follow-up.js';
import { findNode } from './query.js';
import { editableCopy } from './readonly.js';
import type { Measure, Report } from './report.js';
import { ScoreboardSchema, scoreboard, scoreTally, wholeShares } from './scoreboard.js';
import type { ProgressUpdate } from './tracking.js';

const measureOf = (r: Report, id: string): Measure => {
  const found = findNode(r, id);
  if (found?.kind !== 'measure') throw new Error(`test setup: no measure ${id}`);
  return found.node;
};
const update = (id: string, date: string, extra: Partial<ProgressUpdate> = {}): ProgressUpdate => ({
  id,
  date,
  note: `进展 ${id}。`,
  ...extra,
});
const ninety: Observation = {
  id: 'obs-1',
  date: '2024-12-31',
  value: 90,
  source: { title: '2024年乐山市国民经济和社会发展统计公报', url: 'https://www.leshan.gov.cn/' },
};
const allTargets = canonicalReport.chapters
  .flatMap((c) => c.sections.flatMap((s) => s.measures))
  .reduce((n, m) => n + m.indicators.length, 0);

/** Four measures reported on: m38 (a road 43 % built), m40 delayed, m42 completed, m44 notes only. */
function followed(): Report {
  const r = editableCopy(canonicalReport);
  const m38 = measureOf(r, 'm38');
  m38.tracking = { status: 'in-progress', progress: 40, updates: [] };
  m38.tracking.updates = [update('u-1', '2025-03-01', { status: 'in-progress', progress: 40 })];
  const road = m38.indicators[0];
  if (road === undefined) throw new Error('test setup: m38 has no target');
  road.observations = [ninety];
  const m40 = measureOf(r, 'm40');
  m40.tracking = { status: 'delayed', progress: 30, updates: [] };
  m40.tracking.updates = [update('u-2', '2026-02-28', { status: 'delayed', progress: 30 })];
  const m42 = measureOf(r, 'm42');
  m42.tracking = { status: 'completed', progress: 100, updates: [] };
  m42.tracking.updates = [update('u-3', '2025-01-10', { status: 'completed', progress: 100 })];
  measureOf(r, 'm44').tracking.updates = [update('u-4', '2026-02-28'), update('u-5', '2026-03-01')];
  return r;
}

describe('scoreboard', () => {
  it('counts all 76 canonical measures as not reported and every target as not reported', () => {
    const board = scoreboard(canonicalReport);
    expect(board.total.measures).toBe(76);
    expect(board.total.byStatus).toEqual({
      completed: 0,
      'in-progress': 0,
      'not-started': 0,
      delayed: 0,
      unverified: 0,
      'not-reported': 76,
    });
    expect(board.total.shares['not-reported']).toBe(100);
    expect(board.total.targets).toBe(allTargets);
    expect(board.total.byVerdict['not-reported']).toBe(allTargets);
    expect(board.chapters.map((c) => c.number)).toEqual(
      canonicalReport.chapters.map((c) => c.number),
    );
    expect(board.latestUpdates).toEqual([]);
    expect(ScoreboardSchema.parse(board)).toEqual(board);
  });

  it('keeps unreported measures in every share: three reported of 76 are a few percent, not an average of three', () => {
    const board = scoreboard(followed());
    expect(board.total.byStatus).toMatchObject({
      completed: 1,
      'in-progress': 1,
      delayed: 1,
      'not-reported': 73,
    });
    // 1/76 is 1.3 %: the largest remainders (ties to the earlier status) make the whole 100.
    expect(board.total.shares).toEqual({
      completed: 2,
      'in-progress': 1,
      'not-started': 0,
      delayed: 1,
      unverified: 0,
      'not-reported': 96,
    });
    // Chapter 1 holds all four: 3 reported of 17, not 100 % of the reporting ones.
    const chapter = board.chapters.find((c) => c.number === 1);
    expect(chapter?.tally.measures).toBe(17);
    expect(chapter?.tally.byStatus['not-reported']).toBe(14);
    const sum = Object.values(board.total.shares).reduce((a, b) => a + b, 0);
    expect(sum).toBe(100);
  });

  it('counts the road target of m38 as behind (43 % at 60 % of the period) and the rest not reported', () => {
    const board = scoreboard(followed());
    expect(board.total.byVerdict.behind).toBe(1);
    expect(board.total.byVerdict['not-reported']).toBe(allTargets - 1);
  });

  it('lists the latest updates newest first, with the measure they report on', () => {
    const board = scoreboard(followed(), undefined, { latest: 3 });
    expect(board.latestUpdates.map((u) => [u.date, u.updateId, u.measureId])).toEqual([
      ['2026-03-01', 'u-5', 'm44'],
      ['2026-02-28', 'u-4', 'm44'],
      ['2026-02-28', 'u-2', 'm40'],
    ]);
    expect(board.latestUpdates[0]?.measureText).toBe(measureOf(followed(), 'm44').text);
    expect(board.latestUpdates[2]).toMatchObject({ status: 'delayed', progress: 30 });
  });

  it('as of a day, leaves out later updates and observations', () => {
    const board = scoreboard(followed(), '2025-06-30');
    expect(board.asOf).toBe('2025-06-30');
    // m40's delay was reported in 2026: on 2025-06-30 it had not been reported.
    expect(board.total.byStatus).toMatchObject({ completed: 1, 'in-progress': 1, delayed: 0 });
    expect(board.total.byStatus['not-reported']).toBe(74);
    expect(board.latestUpdates.map((u) => u.updateId)).toEqual(['u-1', 'u-3']);
    const early = scoreboard(followed(), '2024-06-30');
    expect(early.total.byVerdict.behind).toBe(0); // the 2024-12-31 observation is later
  });

  it('tallies any list of measures, and an empty one as all zeros', () => {
    const empty = scoreTally([], canonicalReport.meta.period);
    expect(empty.measures).toBe(0);
    expect(Object.values(empty.shares).every((s) => s === 0)).toBe(true);
  });
});

describe('wholeShares', () => {
  it('rounds by largest remainder so the shares add up to 100', () => {
    expect(wholeShares({ a: 1, b: 1, c: 1 }, ['a', 'b', 'c'])).toEqual({ a: 34, b: 33, c: 33 });
    expect(wholeShares({ a: 2, b: 1 }, ['a', 'b'])).toEqual({ a: 67, b: 33 });
    expect(wholeShares({ a: 0, b: 0 }, ['a', 'b'])).toEqual({ a: 0, b: 0 });
  });
});
