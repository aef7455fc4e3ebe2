// Filtering and sorting of target rows, shared by the server and the targets island: no zod and
// nothing from report-core's runtime, so the browser bundle stays small.
import type { IndicatorQuery } from './indicator-query.js';
import type { IndicatorRow } from './indicator-rows.js';

const STATUS_ORDER = ['completed', 'in-progress', 'delayed', 'unverified', 'not-started'];
const statusRank = (s: IndicatorRow['status']): number =>
  s === null ? STATUS_ORDER.length : STATUS_ORDER.indexOf(s);

/** The rows a query asks for: filtered, then sorted stably (reading order breaks ties). */
export function queryIndicatorRows<R extends IndicatorRow>(
  rows: readonly R[],
  query: IndicatorQuery,
): R[] {
  const kept = rows.filter(
    (r) =>
      (query.chapter === undefined || r.chapterNumber === query.chapter) &&
      (query.unit === undefined || r.unit === query.unit) &&
      (query.comparator === undefined || r.comparator === query.comparator) &&
      (query.status === undefined ||
        (query.status === 'none' ? r.status === null : r.status === query.status)),
  );
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const reading = (a: R, b: R): number => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  // Issue 19: 1个 and 6000个 compare, 1个 and 6000公里 do not: values sort within their unit.
  const units = unitsOf(rows);
  const byUnit = (a: R, b: R): number => units.indexOf(a.unit) - units.indexOf(b.unit);
  const attained = (r: R): number =>
    r.attainment.verdict === 'not-reported' ? -1 : (r.attainment.percent ?? 0);
  const compare = (a: R, b: R): number => {
    switch (query.sort) {
      case 'chapter':
        return reading(a, b);
      case 'value':
        return a.value - b.value;
      case 'attainment':
        return attained(a) - attained(b);
      case 'metric':
        return a.metric.localeCompare(b.metric, 'zh-CN');
      case 'status':
        return statusRank(a.status) - statusRank(b.status);
    }
  };
  const sign = query.dir === 'desc' ? -1 : 1;
  const withinUnit = query.sort === 'value' || query.sort === 'attainment';
  return kept.sort(
    (a, b) => (withinUnit ? byUnit(a, b) : 0) || sign * compare(a, b) || reading(a, b),
  );
}

/** The distinct units, in the order they first appear: the choices of the unit filter. */
export function unitsOf(rows: readonly IndicatorRow[]): string[] {
  return [...new Set(rows.map((r) => r.unit))];
}
