import { currentTracking, departmentsOfMeasure, listMeasures } from '@leshan/report-core';
import type {
  DeepReadonly,
  MeasureListItem,
  ReadonlyReport,
  ScoreStatus,
} from '@leshan/report-core';
import type { MeasureQuery } from './measure-query.js';

/** A measure as the list shows it, with what it is filtered on. */
export interface MeasureRow {
  item: DeepReadonly<MeasureListItem>;
  status: ScoreStatus;
  progress: number | null;
  /** The places (report.places ids) its text names. */
  places: readonly string[];
  /** Its lead department, then its co-responsible ones (report.departments ids). */
  departments: string[];
}

/** Every measure of a report in reading order, with its current status (未报告 when none). */
export function measureRows(report: ReadonlyReport): MeasureRow[] {
  return listMeasures(report).map((item) => {
    const { status, progress } = currentTracking(item.measure);
    return {
      item,
      status: status ?? 'not-reported',
      progress,
      places: item.measure.places,
      departments: departmentsOfMeasure(item.measure),
    };
  });
}

/** The rows a query keeps, in reading order: every filter given must hold. */
export function filterMeasureRows(rows: readonly MeasureRow[], query: MeasureQuery): MeasureRow[] {
  return rows.filter(
    (r) =>
      (query.status === undefined || r.status === query.status) &&
      (query.chapter === undefined || r.item.chapterNumber === query.chapter) &&
      (query.district === undefined || r.places.includes(query.district)) &&
      (query.department === undefined || r.departments.includes(query.department)),
  );
}

/**
 * What a well-formed query asks for that the report does not have, in Chinese: a chapter, place
 * or department it lacks (the form offers only those it has). Empty when the query can be shown.
 */
export function measureQueryProblems(report: ReadonlyReport, query: MeasureQuery): string[] {
  const problems: string[] = [];
  if (query.chapter !== undefined && !report.chapters.some((c) => c.number === query.chapter))
    problems.push(
      `chapter：报告没有第 ${query.chapter} 章（共 ${report.chapters.length} 章），请从列表中选择`,
    );
  if (query.district !== undefined && !report.places.some((p) => p.id === query.district))
    problems.push(`district：报告中没有编号为“${query.district}”的地区，请从列表中选择`);
  if (
    query.department !== undefined &&
    !(report.departments ?? []).some((d) => d.id === query.department)
  )
    problems.push(`department：报告中没有编号为“${query.department}”的部门，请从列表中选择`);
  return problems;
}

/** The query string of a measures query, empty filters left out, in a stable order. */
export function measuresSearch(query: MeasureQuery): string {
  const params = new URLSearchParams();
  if (query.status !== undefined) params.set('status', query.status);
  if (query.chapter !== undefined) params.set('chapter', String(query.chapter));
  if (query.district !== undefined) params.set('district', query.district);
  if (query.department !== undefined) params.set('department', query.department);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
