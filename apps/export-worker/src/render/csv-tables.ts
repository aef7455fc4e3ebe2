import { commitmentLabel } from '@leshan/report-core/labels';
import { SHEET_COLUMNS, listMeasures, placesOf, sheetRows } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import { displayTitle } from '@leshan/report-core/labels';

// The two tables of the CSV export, the XLSX sheets and the data package: one definition each,
// with the Table Schema type of every column, so the three can never disagree.

export type CellValue = string | number | boolean | null;
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export interface TableColumn {
  name: string;
  type: FieldType;
  title: string;
  description: string;
}

export interface Table {
  name: string;
  columns: readonly TableColumn[];
  rows: CellValue[][];
}

export const col = (
  name: string,
  type: FieldType,
  title: string,
  description: string,
): TableColumn => ({
  name,
  type,
  title,
  description,
});

export const MEASURE_COLUMNS: readonly TableColumn[] = [
  col('id', 'string', '编号', 'Measure id.'),
  col('chapter_number', 'integer', '章', 'Chapter number, 1-based.'),
  col(
    'chapter_title',
    'string',
    '章标题',
    'Chapter title; （原文缺失标题） when the source lacks it.',
  ),
  col('section', 'string', '节', 'Section title; （原文缺失标题） when the source lacks it.'),
  col('text', 'string', '举措', 'The measure as published.'),
  col('places', 'string', '地点', 'Names of the places the text names, separated by 、.'),
  col(
    'status',
    'string',
    '状态',
    'Tracking status: not-started, in-progress, completed, delayed or unverified; empty until reported.',
  ),
  col('progress', 'integer', '进度', 'Progress 0–100; empty until reported.'),
  col('indicator_count', 'integer', '指标数', 'Number of quantitative targets in the text.'),
];

export const INDICATOR_COLUMNS: readonly TableColumn[] = [
  col('id', 'string', '编号', 'Indicator id.'),
  col('measure_id', 'string', '举措编号', 'The measure the target is in.'),
  col('chapter_number', 'integer', '章', 'Chapter number of that measure.'),
  col('metric', 'string', '指标', 'What is measured.'),
  col('value', 'number', '数值', 'Target in the base unit (2000亿元 → 200000000000).'),
  col('unit', 'string', '单位', 'Base unit: 元, 公里, %, 个 …'),
  col('comparator', 'string', '比较', 'gte, lte, eq, approx or gt.'),
  col('aspirational', 'boolean', '力争', 'true when worded as aspirational (力争, 争创, 努力).'),
  col(
    'commitment',
    'string',
    '措辞性质',
    "确保, 力争 or 未注明: the report's own word for the commitment, as on the website.",
  ),
  col(
    'baseline',
    'string',
    '基期',
    'What a relative target is measured against, e.g. 较2020年; empty if none.',
  ),
  col('raw', 'string', '原文', 'The exact words of the measure the target was read from.'),
];

export function measureTable(report: Report): Table {
  const rows = listMeasures(report).map((m): CellValue[] => [
    m.id,
    m.chapterNumber,
    displayTitle(m.chapterTitle),
    displayTitle(m.sectionTitle),
    m.text,
    placesOf(report, m.measure.places)
      .map((p) => p.name)
      .join('、'),
    m.measure.tracking.status,
    m.measure.tracking.progress,
    m.indicators.length,
  ]);
  return { name: 'measures', columns: MEASURE_COLUMNS, rows };
}

export function indicatorTable(report: Report): Table {
  const rows = listMeasures(report).flatMap((m) =>
    m.indicators.map((i): CellValue[] => [
      i.id,
      m.id,
      m.chapterNumber,
      i.metric,
      i.value,
      i.unit,
      i.comparator,
      i.aspirational,
      commitmentLabel(i),
      i.baseline?.raw ?? null,
      i.raw,
    ]),
  );
  return { name: 'indicators', columns: INDICATOR_COLUMNS, rows };
}

/**
 * The read-only columns of report-core's measures-and-targets sheet: the editor's download
 * (apps/admin /api/draft/sheet) is these, then its empty input columns — one definition, so
 * the public table and the sheet an editor uploads back cannot drift apart (issue 18 point 4).
 */
export const SHEET_TABLE_COLUMNS = SHEET_COLUMNS.filter((c) => !c.input);

/** measures_and_targets: one row per measure, each followed by one row per target (report-core sheetRows). */
export function measuresAndTargetsTable(report: Report): Table {
  return {
    name: 'measures_and_targets',
    columns: SHEET_TABLE_COLUMNS.map((c) => col(c.key, c.type, c.header, c.description)),
    rows: sheetRows(report, SHEET_TABLE_COLUMNS),
  };
}
