import { z } from 'zod';
import { targetAttainment } from './attainment.js';
import type { AttainmentPeriod } from './attainment.js';
import type { Verdict } from './follow-up.js';
import { NodeIdSchema } from './ids.js';
import type { Measure } from './report.js';
import type { DeepReadonly, ReadonlyReport } from './readonly.js';
import { currentTracking, sortUpdates } from './tracking-rules.js';
import { IsoDateSchema, TrackingStatusSchema } from './tracking.js';

// Issue 19 point 2: the public scoreboard. Every measure is counted once, by its current status,
// and a measure nobody has reported on is counted as 未报告 — never left out of a share, so two
// measures of seventeen reporting can no longer look like a chapter 72 % done.

/** A measure's place on the scoreboard: its tracking status, or not-reported (未报告) when it has none. */
export const ScoreStatusSchema = z
  .enum([...TrackingStatusSchema.options, 'not-reported'])
  .describe(
    'A tracking status (not-started … unverified), or not-reported 未报告 when nobody has reported on the measure.',
  );
export type ScoreStatus = z.infer<typeof ScoreStatusSchema>;

/** The scoreboard's statuses in display order: done first, 未报告 last. */
export const SCORE_STATUSES: readonly ScoreStatus[] = [
  'completed',
  'in-progress',
  'not-started',
  'delayed',
  'unverified',
  'not-reported',
];

/** The verdicts in display order. */
export const SCORE_VERDICTS: readonly Verdict[] = ['met', 'on-track', 'behind', 'not-reported'];

const count = z.int().min(0);
const share = z.int().min(0).max(100);

export const StatusCountsSchema = z
  .strictObject(
    Object.fromEntries(SCORE_STATUSES.map((s) => [s, count])) as Record<ScoreStatus, typeof count>,
  )
  .describe('How many measures are in each status; they add up to the measure count.');

export const StatusSharesSchema = z
  .strictObject(
    Object.fromEntries(SCORE_STATUSES.map((s) => [s, share])) as Record<ScoreStatus, typeof share>,
  )
  .describe(
    'Whole percents of all the measures in each status (largest remainder): they add up to 100, or are all 0 when there is no measure.',
  );

export const VerdictCountsSchema = z
  .strictObject(
    Object.fromEntries(SCORE_VERDICTS.map((v) => [v, count])) as Record<Verdict, typeof count>,
  )
  .describe('How many targets have each verdict; they add up to the target count.');

export const ScoreTallySchema = z
  .strictObject({
    measures: count.describe('Every measure counted, reported or not.'),
    byStatus: StatusCountsSchema,
    shares: StatusSharesSchema,
    targets: count.describe('The quantitative targets (indicators) of those measures.'),
    byVerdict: VerdictCountsSchema,
    verdictShares: z
      .strictObject(
        Object.fromEntries(SCORE_VERDICTS.map((v) => [v, share])) as Record<Verdict, typeof share>,
      )
      .describe('Whole percents of the targets with each verdict; add up to 100 (or all 0).'),
  })
  .describe(
    'Measures by status and targets by verdict, for a chapter, a department, a place or the whole report.',
  );
export type ScoreTally = z.infer<typeof ScoreTallySchema>;

export const ScoreUpdateSchema = z
  .strictObject({
    date: IsoDateSchema,
    updateId: NodeIdSchema,
    measureId: NodeIdSchema,
    chapterId: NodeIdSchema,
    chapterNumber: z.int().min(1),
    measureText: z.string().describe("The measure's text."),
    note: z.string().describe("The update's note."),
    status: TrackingStatusSchema.optional(),
    progress: z.int().min(0).max(100).optional(),
  })
  .describe('A dated progress update, with the measure it reports on.');
export type ScoreUpdate = z.infer<typeof ScoreUpdateSchema>;

export const ScoreboardSchema = z
  .strictObject({
    asOf: IsoDateSchema.nullable().describe(
      'The day the scoreboard stands at (later updates and observations left out); null for all the data.',
    ),
    total: ScoreTallySchema,
    chapters: z
      .array(
        z.strictObject({
          chapterId: NodeIdSchema,
          number: z.int().min(1),
          tally: ScoreTallySchema,
        }),
      )
      .describe('One tally per chapter, in reading order.'),
    latestUpdates: z
      .array(ScoreUpdateSchema)
      .describe('The latest progress updates, newest first.'),
  })
  .describe('The public scoreboard of a report, computed by report-core’s scoreboard.');
export type Scoreboard = z.infer<typeof ScoreboardSchema>;

/** Options of {@link scoreboard}. */
export interface ScoreboardOptions {
  /** How many of the latest updates to list (default 5). */
  latest?: number | undefined;
}

/**
 * Whole percents of `counts` in `total` by the largest-remainder method, so they add up to exactly
 * 100 (ties go to the earlier key); all 0 when `total` is 0.
 */
export function wholeShares<K extends string>(
  counts: Readonly<Record<K, number>>,
  keys: readonly K[],
): Record<K, number> {
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (total === 0) return out;
  const exact = keys.map((k) => ({ k, x: (counts[k] * 100) / total }));
  let left = 100;
  for (const { k, x } of exact) {
    out[k] = Math.floor(x);
    left -= out[k];
  }
  const byRemainder = [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)));
  for (const { k } of byRemainder.slice(0, left)) out[k] += 1;
  return out;
}

type M = DeepReadonly<Measure>;

/** The measure as it stood at the end of `asOf`: later updates and observations left out. */
function asItStood(measure: M, asOf: string | undefined): M {
  if (asOf === undefined) return measure;
  const updates = measure.tracking.updates.filter((u) => u.date <= asOf);
  // A measure whose status came from updates (all of them later than asOf) was not reported then.
  const hadStatus = measure.tracking.updates.some((u) => u.status !== undefined);
  const keptStatus = updates.some((u) => u.status !== undefined);
  const tracking =
    hadStatus && !keptStatus
      ? { status: null, progress: null, updates }
      : { ...measure.tracking, updates };
  const indicators = measure.indicators.map((i) =>
    i.observations === undefined
      ? i
      : { ...i, observations: i.observations.filter((o) => o.date <= asOf) },
  );
  return { ...measure, tracking, indicators };
}

/**
 * Measures by status and targets by verdict, for any list of measures (a chapter, a department's,
 * a place's): each measure counted once by its current status (`currentTracking`), a measure with
 * none counted as not-reported (未报告) and kept in every share's denominator; each target counted
 * once by its verdict (`targetAttainment` against `period`). With `asOf` (YYYY-MM-DD), as it stood
 * at the end of that day. Pure; reads no clock.
 */
export function scoreTally(
  measures: readonly M[],
  period: AttainmentPeriod,
  asOf?: string,
): ScoreTally {
  const byStatus = Object.fromEntries(SCORE_STATUSES.map((s) => [s, 0])) as Record<
    ScoreStatus,
    number
  >;
  const byVerdict = Object.fromEntries(SCORE_VERDICTS.map((v) => [v, 0])) as Record<
    Verdict,
    number
  >;
  let targets = 0;
  for (const original of measures) {
    const measure = asItStood(original, asOf);
    byStatus[currentTracking(measure).status ?? 'not-reported'] += 1;
    for (const indicator of measure.indicators) {
      targets += 1;
      byVerdict[targetAttainment(indicator, period).verdict] += 1;
    }
  }
  return {
    measures: measures.length,
    byStatus,
    shares: wholeShares(byStatus, SCORE_STATUSES),
    targets,
    byVerdict,
    verdictShares: wholeShares(byVerdict, SCORE_VERDICTS),
  };
}

/**
 * The public scoreboard of a report (issue 19): every measure counted exactly once by its current
 * status (`currentTracking`: its latest update that reports a status), unreported measures counted
 * as not-reported (未报告) and in every share's denominator — never an average of only the measures
 * that reported; the same per chapter; targets by verdict (met, on track, behind, not reported:
 * `targetAttainment` against `report.meta.period`); and the latest `options.latest` (default 5)
 * progress updates, newest first (of one date, the later in the measure and report order first).
 * With `asOf` (YYYY-MM-DD), the scoreboard as it stood at the end of that day: later updates and
 * observations are left out. Pure; reads no clock.
 *
 * @example scoreboard(canonicalReport).total.byStatus['not-reported'] // 76: nobody has reported yet
 */
export function scoreboard(
  report: ReadonlyReport,
  asOf?: string,
  options: ScoreboardOptions = {},
): Scoreboard {
  const period = report.meta.period;
  const latest = Math.max(0, Math.floor(options.latest ?? 5));
  const chapters = report.chapters.map((chapter) => ({
    chapterId: chapter.id,
    number: chapter.number,
    tally: scoreTally(
      chapter.sections.flatMap((s) => s.measures),
      period,
      asOf,
    ),
  }));
  const updates: ScoreUpdate[] = [];
  for (const chapter of report.chapters)
    for (const section of chapter.sections)
      for (const measure of section.measures)
        for (const u of sortUpdates(measure.tracking.updates)) {
          if (asOf !== undefined && u.date > asOf) continue;
          updates.push({
            date: u.date,
            updateId: u.id,
            measureId: measure.id,
            chapterId: chapter.id,
            chapterNumber: chapter.number,
            measureText: measure.text,
            note: u.note,
            ...(u.status === undefined ? {} : { status: u.status }),
            ...(u.progress === undefined ? {} : { progress: u.progress }),
          });
        }
  // Stable sort, reversed: of one date the later in report order comes first.
  const newestFirst = updates
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.date < b.u.date ? 1 : a.u.date > b.u.date ? -1 : b.i - a.i))
    .map(({ u }) => u);
  return {
    asOf: asOf ?? null,
    total: scoreTally(
      report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)),
      period,
      asOf,
    ),
    chapters,
    latestUpdates: newestFirst.slice(0, latest),
  };
}
