import type { DeepReadonly } from '../model/readonly.js';
import type { Indicator } from '../model/indicator.js';
import type { MeasureListItem } from '../model/query.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { placesOf } from '../model/query.js';
import { TRACKING_STATUS_LABELS } from '../model/tracking.js';
import { commitmentLabel } from '../labels/commitment-labels.js';
import { displayTitle } from '../labels/missing-title.js';

// The columns of the measures-and-targets sheet, in one place: the editor's download and upload
// (readSheet) and the public CSV/XLSX export all use this list, so they cannot drift apart.

/** What a cell of the sheet holds: text, a number, a yes/no, or nothing. */
export type SheetCell = string | number | boolean | null;

/**
 * Which part of a row a column belongs to: the measure, the target (filled on target rows only),
 * or the empty input columns of a new progress update and a new observation.
 */
export type SheetColumnGroup = 'measure' | 'target' | 'update' | 'observation';

/** A column of the sheet. `input` columns start empty and are read back; every other one is read-only. */
export interface SheetColumn {
  /** A stable machine name (the public CSV header, snake_case). */
  key: string;
  /** The header editors see and the upload is matched by (Chinese). */
  header: string;
  group: SheetColumnGroup;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** Column width in characters, for the XLSX. */
  width: number;
  description: string;
  input: boolean;
}

/** A row's place in the report: its measure and, on a target row, its target. */
export interface SheetRowSource {
  measure: DeepReadonly<MeasureListItem>;
  indicator: DeepReadonly<Indicator> | null;
}

interface ColumnSpec extends SheetColumn {
  /** The cell of a read-only column; input columns start empty. */
  value?: (report: ReadonlyReport, source: SheetRowSource) => SheetCell;
}

const onTarget =
  (read: (i: DeepReadonly<Indicator>) => SheetCell) =>
  (_report: ReadonlyReport, { indicator }: SheetRowSource): SheetCell =>
    indicator === null ? null : read(indicator);

const onMeasure =
  (read: (report: ReadonlyReport, m: DeepReadonly<MeasureListItem>) => SheetCell) =>
  (report: ReadonlyReport, { measure, indicator }: SheetRowSource): SheetCell =>
    indicator === null ? read(report, measure) : null;

const SPECS: readonly ColumnSpec[] = [
  {
    key: 'measure_id',
    header: '举措编号',
    group: 'measure',
    type: 'string',
    width: 10,
    description: 'The measure (on a target row: the measure the target is in).',
    input: false,
    value: (_r, { measure }) => measure.id,
  },
  {
    key: 'indicator_id',
    header: '指标编号',
    group: 'target',
    type: 'string',
    width: 12,
    description: 'The target; empty on a measure row.',
    input: false,
    value: onTarget((i) => i.id),
  },
  {
    key: 'chapter_number',
    header: '章',
    group: 'measure',
    type: 'integer',
    width: 6,
    description: 'Chapter number, 1-based.',
    input: false,
    value: (_r, { measure }) => measure.chapterNumber,
  },
  {
    key: 'section',
    header: '节',
    group: 'measure',
    type: 'string',
    width: 24,
    description: 'Section title; （原文缺失标题） when the source lacks it.',
    input: false,
    value: onMeasure((_r, m) => displayTitle(m.sectionTitle)),
  },
  {
    key: 'text',
    header: '举措',
    group: 'measure',
    type: 'string',
    width: 70,
    description: 'The measure as published.',
    input: false,
    value: onMeasure((_r, m) => m.text),
  },
  {
    key: 'places',
    header: '地点',
    group: 'measure',
    type: 'string',
    width: 14,
    description: 'Names of the places the text names, separated by 、.',
    input: false,
    value: onMeasure((r, m) =>
      placesOf(r, m.measure.places)
        .map((p) => p.name)
        .join('、'),
    ),
  },
  {
    key: 'status',
    header: '状态',
    group: 'measure',
    type: 'string',
    width: 8,
    description: 'Tracking status (未开始, 推进中, 已完成, 滞后, 待核实); empty until reported.',
    input: false,
    value: onMeasure((_r, m) => {
      const status = m.measure.tracking.status;
      return status === null ? null : TRACKING_STATUS_LABELS[status].zh;
    }),
  },
  {
    key: 'progress',
    header: '进度',
    group: 'measure',
    type: 'integer',
    width: 6,
    description: 'Progress 0–100; empty until reported.',
    input: false,
    value: onMeasure((_r, m) => m.measure.tracking.progress),
  },
  {
    key: 'indicator_count',
    header: '指标数',
    group: 'measure',
    type: 'integer',
    width: 6,
    description: 'Number of quantitative targets in the text.',
    input: false,
    value: onMeasure((_r, m) => m.indicators.length),
  },
  {
    key: 'metric',
    header: '指标',
    group: 'target',
    type: 'string',
    width: 24,
    description: 'What the target measures.',
    input: false,
    value: onTarget((i) => i.metric),
  },
  {
    key: 'value',
    header: '数值',
    group: 'target',
    type: 'number',
    width: 14,
    description: 'Target in the base unit (2000亿元 → 200000000000).',
    input: false,
    value: onTarget((i) => i.value),
  },
  {
    key: 'unit',
    header: '单位',
    group: 'target',
    type: 'string',
    width: 6,
    description: 'Base unit: 元, 公里, %, 个 …',
    input: false,
    value: onTarget((i) => i.unit),
  },
  {
    key: 'comparator',
    header: '比较',
    group: 'target',
    type: 'string',
    width: 6,
    description: 'gte, lte, eq, approx or gt.',
    input: false,
    value: onTarget((i) => i.comparator),
  },
  {
    key: 'commitment',
    header: '措辞性质',
    group: 'target',
    type: 'string',
    width: 8,
    description: "确保, 力争 or 未注明: the report's own word for the commitment.",
    input: false,
    value: onTarget((i) => commitmentLabel(i)),
  },
  {
    key: 'baseline',
    header: '基期',
    group: 'target',
    type: 'string',
    width: 10,
    description: 'What a relative target is measured against, e.g. 较2020年; empty if none.',
    input: false,
    value: onTarget((i) => i.baseline?.raw ?? null),
  },
  {
    key: 'raw',
    header: '原文',
    group: 'target',
    type: 'string',
    width: 20,
    description: 'The exact words of the measure the target was read from.',
    input: false,
    value: onTarget((i) => i.raw),
  },
  ...(
    [
      ['update_date', '新进展日期', 'string', 12, 'A new progress update: its date, YYYY-MM-DD.'],
      [
        'update_status',
        '新进展状态',
        'string',
        8,
        '未开始, 推进中, 已完成, 滞后 or 待核实; optional.',
      ],
      ['update_progress', '新进展进度', 'integer', 8, 'Progress 0–100; optional.'],
      ['update_note', '新进展说明', 'string', 40, 'What was done (required for a new update).'],
      ['update_evidence', '新进展佐证链接', 'string', 24, 'An http(s) link backing it; optional.'],
      [
        'observation_indicator',
        '新实际值指标编号',
        'string',
        12,
        'A new observation: its target id (empty on a target row: that target).',
      ],
      ['observation_date', '截至日期', 'string', 12, 'The day the value describes, YYYY-MM-DD.'],
      ['observation_value', '实际值', 'number', 12, "The value in the target's base unit."],
      [
        'observation_basis',
        '口径',
        'string',
        6,
        '累计 (since the start of the period, the default) or 当年 (that one year).',
      ],
      [
        'observation_source',
        '来源',
        'string',
        24,
        'Where the value is published, e.g. 2024年统计公报 (required).',
      ],
      [
        'observation_source_url',
        '来源链接',
        'string',
        24,
        'An http(s) link to the source; optional.',
      ],
      ['observation_note', '备注', 'string', 20, 'A note; optional.'],
    ] as const
  ).map(([key, header, type, width, description]): ColumnSpec => ({
    key,
    header,
    group: key.startsWith('update') ? 'update' : 'observation',
    type,
    width,
    description,
    input: true,
  })),
];

/** Every column of the sheet, in order (read-only measure and target columns, then the input columns). */
export const SHEET_COLUMNS: readonly SheetColumn[] = SPECS.map(
  ({ value: _value, ...column }) => column,
);

/**
 * The column with this key.
 *
 * @throws {Error} when no column has this key: keys are this module's constants, so it is a
 * programming error, never bad input.
 */
export function sheetColumn(key: string): SheetColumn {
  const column = SHEET_COLUMNS.find((c) => c.key === key);
  if (column === undefined) throw new Error(`no sheet column ${key}`);
  return column;
}

/** The cell of a read-only column for this row (null for an input column). */
export function sheetCell(
  report: ReadonlyReport,
  source: SheetRowSource,
  column: SheetColumn,
): SheetCell {
  const spec = SPECS.find((s) => s.key === column.key);
  return spec?.value?.(report, source) ?? null;
}
