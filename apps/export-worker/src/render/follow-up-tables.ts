import { listMeasures, VerdictSchema } from '@leshan/report-core';
import type {
  Attainment,
  DeepReadonly,
  Indicator,
  Observation,
  Report,
  Responsibility,
} from '@leshan/report-core';
import type { CellValue, Table, TableColumn } from './csv-tables.js';
import { attainments } from '../view/attainments.js';

// Issue 18 in the tables of the CSV, XLSX and data-package exports: observations, departments,
// responsibilities, and the attainment of each target. The data as published; an edition made
// before issue 18 has none of it, so its three tables are empty and every target is not reported.

const col = (
  name: string,
  type: TableColumn['type'],
  title: string,
  description: string,
): TableColumn => ({ name, type, title, description });

export const OBSERVATION_COLUMNS: readonly TableColumn[] = [
  col('id', 'string', '编号', 'Observation id.'),
  col('indicator_id', 'string', '指标编号', 'The target the value is observed for.'),
  col('measure_id', 'string', '举措编号', 'The measure the target is in.'),
  col(
    'baseline',
    'boolean',
    '基期值',
    "true for a relative target's baseline value, false for an actual value.",
  ),
  col('date', 'string', '截至', 'The day the value describes, YYYY-MM-DD.'),
  col('value', 'number', '实际值', "The observed value in the target's base unit."),
  col('unit', 'string', '单位', "The target's base unit."),
  col(
    'basis',
    'string',
    '口径',
    'cumulative (累计, since the period began) or annual (当年); empty means cumulative.',
  ),
  col('source_title', 'string', '来源', 'What the figure comes from.'),
  col('source_url', 'string', '来源网址', 'Where it is published; empty if not given.'),
  col('note', 'string', '备注', "An editor's note; empty if none."),
];

export const DEPARTMENT_COLUMNS: readonly TableColumn[] = [
  col('id', 'string', '编号', 'Department id.'),
  col('name', 'string', '单位名称', 'The name as the public knows it.'),
];

export const RESPONSIBILITY_COLUMNS: readonly TableColumn[] = [
  col('measure_id', 'string', '举措编号', 'The measure.'),
  col('lead_department_id', 'string', '牵头单位', 'The lead department id; empty if not named.'),
  col(
    'co_department_ids',
    'string',
    '责任单位',
    'Co-responsible department ids, separated by a space.',
  ),
  col('deadline', 'string', '完成时限', 'When the measure is due, YYYY-MM-DD; empty if not set.'),
  col(
    'milestones',
    'string',
    '年度节点',
    'Yearly milestones, one a line: year, text and 已完成 or 未完成.',
  ),
];

export const ATTAINMENT_COLUMNS: readonly TableColumn[] = [
  col(
    'attainment_percent',
    'number',
    '达成率',
    'Attainment in % of the target, 2 decimals (report-core targetAttainment); empty when not reported.',
  ),
  col('verdict', 'string', '判定', `${VerdictSchema.options.join(', ')}.`),
  col('as_of', 'string', '截至', 'The date of the latest observation used; empty when none.'),
];

/** The attainment % as the tables carry it: 2 decimals, or null. */
export function percentCell(attainment: Attainment): number | null {
  return attainment.percent === null ? null : Math.round(attainment.percent * 100) / 100;
}

/** A targets table (first column: indicator id) with 达成率, 判定 and 截至 appended. */
export function withAttainment(table: Table, report: DeepReadonly<Report>): Table {
  const byId = new Map(attainments(report).map((a) => [a.indicator.id, a.attainment]));
  return {
    ...table,
    columns: [...table.columns, ...ATTAINMENT_COLUMNS],
    rows: table.rows.map((row): CellValue[] => {
      const a = byId.get(String(row[0]));
      return a === undefined
        ? [...row, null, null, null]
        : [...row, percentCell(a), a.verdict, a.asOf];
    }),
  };
}

/** Every observation of the report, a relative target's baseline value first, in reading order. */
export function observationRecords(report: DeepReadonly<Report>): {
  observation: DeepReadonly<Observation>;
  indicator: DeepReadonly<Indicator>;
  measureId: string;
  isBaseline: boolean;
}[] {
  return listMeasures(report).flatMap((m) =>
    m.indicators.flatMap((indicator) => {
      const baseline = indicator.baseline?.observation;
      const base = { indicator, measureId: m.id };
      return [
        ...(baseline === undefined ? [] : [{ ...base, observation: baseline, isBaseline: true }]),
        ...(indicator.observations ?? []).map((o) => ({
          ...base,
          observation: o,
          isBaseline: false,
        })),
      ];
    }),
  );
}

/** A measure's milestones as one cell, one a line: 2024：乐西高速建成通车（已完成）. */
export function milestonesText(r: DeepReadonly<Responsibility>): string {
  return r.milestones
    .map((s) => `${s.year}：${s.text}（${s.done ? '已完成' : '未完成'}）`)
    .join('\n');
}

export function observationTable(report: DeepReadonly<Report>): Table {
  const rows = observationRecords(report).map(
    ({ observation: o, indicator: i, measureId, isBaseline }): CellValue[] => [
      o.id,
      i.id,
      measureId,
      isBaseline,
      o.date,
      o.value,
      i.unit,
      o.basis ?? null,
      o.source.title,
      o.source.url ?? null,
      o.note ?? null,
    ],
  );
  return { name: 'observations', columns: OBSERVATION_COLUMNS, rows };
}

export function departmentTable(report: DeepReadonly<Report>): Table {
  const rows = (report.departments ?? []).map((d): CellValue[] => [d.id, d.name]);
  return { name: 'departments', columns: DEPARTMENT_COLUMNS, rows };
}

export function responsibilityTable(report: DeepReadonly<Report>): Table {
  const rows = listMeasures(report).flatMap((m): CellValue[][] => {
    const r = m.measure.responsibility;
    if (r === undefined) return [];
    return [[m.id, r.lead, r.co.join(' '), r.deadline, milestonesText(r)]];
  });
  return { name: 'responsibilities', columns: RESPONSIBILITY_COLUMNS, rows };
}
