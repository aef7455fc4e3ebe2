import type { Attainment, Department } from './follow-up.js';
import { targetAttainment } from './attainment.js';
import type { DeepReadonly, ReadonlyReport } from './readonly.js';
import type { TrackingStatus } from './tracking.js';
import { currentTracking } from './tracking-rules.js';

// Issue 18 point 5: what needs attention, by department, for the admin dashboard. A rule about
// reports, so it lives here; the admin only renders it.

/** Months without a progress update after which a measure is stale. */
export const STALE_AFTER_MONTHS = 6;

/** How a department answers for a measure: lead (牵头单位) or co-responsible (责任单位). */
export type OversightRole = 'lead' | 'co';

/** A measure that needs attention, with what the dashboard shows of it. */
export interface OversightMeasure {
  measureId: string;
  chapterId: string;
  text: string;
  /** The department's role for it; null in the unassigned group. */
  role: OversightRole | null;
  status: TrackingStatus | null;
  /** The date of its latest progress update; null when it has none. */
  lastUpdate: string | null;
  deadline: string | null;
}

/** A target whose verdict is behind, with its attainment. */
export interface OversightTarget {
  measureId: string;
  indicatorId: string;
  metric: string;
  role: OversightRole | null;
  attainment: Attainment;
}

/** What one department (or the unassigned measures) must look at. */
export interface OversightGroup {
  /** The department; null for the measures no listed department answers for. */
  department: DeepReadonly<Department> | null;
  /** Not completed, and no progress update in the six months up to asOf (or none at all). */
  stale: OversightMeasure[];
  /** Not completed, and its deadline is before asOf. */
  overdue: OversightMeasure[];
  /** Its current status is delayed (滞后). */
  delayed: OversightMeasure[];
  /** Its targets whose verdict is behind (targetAttainment). */
  behind: OversightTarget[];
}

/** The oversight of a report on a day (oversight). */
export interface Oversight {
  asOf: string;
  /** A measure whose latest update is on or before this day is stale. */
  staleBefore: string;
  /** One group per listed department, in the list's order, then the unassigned group. */
  groups: OversightGroup[];
  /** Distinct measures and targets flagged in the whole report (a measure counts once). */
  totals: { stale: number; overdue: number; delayed: number; behind: number };
}

/**
 * The day `months` months before a YYYY-MM-DD date, clamped to the month's end (2026-08-31 → 2026-02-28);
 * undefined when `date` is not YYYY-MM-DD.
 */
export function monthsBefore(date: string, months: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(day, lastDay);
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(m + 1, 2)}-${pad(d, 2)}`;
}

/**
 * What needs attention on `asOf` (YYYY-MM-DD, e.g. `todayInShanghai()`), by department: each
 * measure goes into the group of its lead and of each co-responsible department that is in
 * `report.departments`, or into the unassigned group (department null) when it names none of
 * them. A measure not completed is **stale** when its latest progress update is
 * {@link STALE_AFTER_MONTHS} months or more before asOf, or it has none; **overdue** when its
 * deadline is before asOf; **delayed** when its current status is delayed; a target is
 * **behind** when its verdict is (`targetAttainment` against `report.meta.period`, which reads no
 * clock). Pure: the same report and day give the same result. An asOf that is not YYYY-MM-DD
 * flags nothing as stale or overdue.
 */
export function oversight(report: ReadonlyReport, asOf: string): Oversight {
  const staleBefore = monthsBefore(asOf, STALE_AFTER_MONTHS);
  const departments = report.departments ?? [];
  const groupOf = new Map<string, OversightGroup>();
  const empty = (department: DeepReadonly<Department> | null): OversightGroup => ({
    department,
    stale: [],
    overdue: [],
    delayed: [],
    behind: [],
  });
  const groups = departments.map((d) => {
    const group = empty(d);
    if (!groupOf.has(d.id)) groupOf.set(d.id, group);
    return group;
  });
  const unassigned = empty(null);
  const flagged = {
    stale: new Set<string>(),
    overdue: new Set<string>(),
    delayed: new Set<string>(),
    behind: new Set<string>(),
  };

  for (const chapter of report.chapters) {
    for (const section of chapter.sections) {
      for (const measure of section.measures) {
        const { status } = currentTracking(measure);
        const lastUpdate = measure.tracking.updates.reduce<string | null>(
          (last, u) => (last === null || u.date > last ? u.date : last),
          null,
        );
        const deadline = measure.responsibility?.deadline ?? null;
        const open = status !== 'completed';
        const stale =
          open && staleBefore !== undefined && (lastUpdate === null || lastUpdate <= staleBefore);
        const overdue = open && staleBefore !== undefined && deadline !== null && deadline < asOf;
        const delayed = status === 'delayed';
        const behind = measure.indicators.flatMap((indicator) => {
          const attainment = targetAttainment(indicator, report.meta.period);
          return attainment.verdict === 'behind' ? [{ indicator, attainment }] : [];
        });
        if (!stale && !overdue && !delayed && behind.length === 0) continue;

        const lead = measure.responsibility?.lead ?? null;
        const roles: [OversightGroup, OversightRole | null][] = [];
        const seen = new Set<OversightGroup>();
        const named = (id: string | null, role: OversightRole): void => {
          const group = id === null ? undefined : groupOf.get(id);
          if (group !== undefined && !seen.has(group)) {
            seen.add(group);
            roles.push([group, role]);
          }
        };
        named(lead, 'lead');
        for (const id of measure.responsibility?.co ?? []) named(id, 'co');
        if (roles.length === 0) roles.push([unassigned, null]);

        for (const [group, role] of roles) {
          const item: OversightMeasure = {
            measureId: measure.id,
            chapterId: chapter.id,
            text: measure.text,
            role,
            status,
            lastUpdate,
            deadline,
          };
          if (stale) group.stale.push(item);
          if (overdue) group.overdue.push(item);
          if (delayed) group.delayed.push(item);
          for (const { indicator, attainment } of behind) {
            group.behind.push({
              measureId: measure.id,
              indicatorId: indicator.id,
              metric: indicator.metric,
              role,
              attainment,
            });
          }
        }
        if (stale) flagged.stale.add(measure.id);
        if (overdue) flagged.overdue.add(measure.id);
        if (delayed) flagged.delayed.add(measure.id);
        for (const { indicator } of behind) flagged.behind.add(indicator.id);
      }
    }
  }

  return {
    asOf,
    staleBefore: staleBefore ?? '',
    groups: [...groups, unassigned],
    totals: {
      stale: flagged.stale.size,
      overdue: flagged.overdue.size,
      delayed: flagged.delayed.size,
      behind: flagged.behind.size,
    },
  };
}
