import type { Comparator, Verdict } from '@leshan/report-core';
import type { IndicatorQuery, StatusFilter } from '../view/indicator-query.js';
import type { IndicatorRow } from '../view/indicator-rows.js';
import type { Lang } from '../labels.js';

/**
 * A target row as the page shows it: `display` is the value written the Chinese way (2000亿元),
 * `attainmentText` its attainment in words (完成 43%，滞后; 未报告（尚无实际值）).
 */
export type TargetRowView = IndicatorRow & { display: string; attainmentText: string };

/** Everything the targets island needs; serialized into the page for hydration. */
export interface TargetsProps {
  lang: Lang;
  rows: TargetRowView[];
  query: IndicatorQuery;
  chapters: { number: number; label: string }[];
  statusLabels: Record<StatusFilter, string>;
  comparatorLabels: Record<Comparator, string>;
  verdictLabels: Record<Verdict, string>;
  /** /targets or /en/targets: where the filter form goes and what the address bar shows. */
  action: string;
  /** /chapters or /en/chapters, for links to measures. */
  chapterBase: string;
}

/** The query string of a query, defaults left out, in a stable order. */
export function targetsSearch(query: IndicatorQuery): string {
  const params = new URLSearchParams();
  if (query.chapter !== undefined) params.set('chapter', String(query.chapter));
  if (query.unit !== undefined) params.set('unit', query.unit);
  if (query.comparator !== undefined) params.set('comparator', query.comparator);
  if (query.status !== undefined) params.set('status', query.status);
  if (query.sort !== 'chapter') params.set('sort', query.sort);
  if (query.dir !== 'asc') params.set('dir', query.dir);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
