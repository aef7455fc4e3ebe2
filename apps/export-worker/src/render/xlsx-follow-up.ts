import { VERDICT_LABELS, listMeasures } from '@leshan/report-core';
import type { DeepReadonly, Report } from '@leshan/report-core';
import type { Cell, SheetSpec } from './xlsx-writer.js';
import { attainments } from '../view/attainments.js';
import { milestonesText, observationRecords, percentCell } from './follow-up-tables.js';
import { basisLabel } from '../view/labels.js';

// The workbook's part of issue 18: 达成率, 判定 and 截至 on the 指标 sheet, and three sheets —
// 实际值, 单位, 责任分工 — that an edition made before issue 18 has with their headers only.

const TARGETS_SHEET = '指标';

function withAttainmentColumns(sheet: SheetSpec, report: DeepReadonly<Report>): SheetSpec {
  const byId = new Map(attainments(report).map((a) => [a.indicator.id, a.attainment]));
  return {
    ...sheet,
    columns: [
      ...sheet.columns,
      { header: '达成率 (%)', width: 10 },
      { header: '判定', width: 10 },
      { header: '截至', width: 12 },
    ],
    rows: sheet.rows.map((row): Cell[] => {
      const a = byId.get(String(row[0]));
      return a === undefined
        ? [...row, null, null, null]
        : [...row, percentCell(a), VERDICT_LABELS[a.verdict].zh, a.asOf];
    }),
  };
}

function followUpSheets(report: DeepReadonly<Report>): SheetSpec[] {
  const names = new Map((report.departments ?? []).map((d) => [d.id, d.name]));
  const name = (id: string) => names.get(id) ?? id;
  return [
    {
      name: '实际值',
      columns: [
        { header: '编号', width: 12 },
        { header: '指标编号', width: 12 },
        { header: '举措编号', width: 10 },
        { header: '基期值', width: 8 },
        { header: '截至', width: 12 },
        { header: '实际值', width: 14 },
        { header: '单位', width: 8 },
        { header: '口径', width: 8 },
        { header: '来源', width: 40 },
        { header: '来源网址', width: 40 },
        { header: '备注', width: 40 },
      ],
      rows: observationRecords(report).map(
        ({ observation: o, indicator: i, measureId, isBaseline }): Cell[] => [
          o.id,
          i.id,
          measureId,
          isBaseline ? '是' : '否',
          o.date,
          o.value,
          i.unit,
          basisLabel(o.basis),
          o.source.title,
          o.source.url ?? null,
          o.note ?? null,
        ],
      ),
    },
    {
      name: '单位',
      columns: [
        { header: '编号', width: 12 },
        { header: '单位名称', width: 30 },
      ],
      rows: (report.departments ?? []).map((d): Cell[] => [d.id, d.name]),
    },
    {
      name: '责任分工',
      columns: [
        { header: '举措编号', width: 10 },
        { header: '牵头单位', width: 24 },
        { header: '责任单位', width: 36 },
        { header: '完成时限', width: 12 },
        { header: '年度节点', width: 60 },
      ],
      rows: listMeasures(report).flatMap((m): Cell[][] => {
        const r = m.measure.responsibility;
        if (r === undefined) return [];
        return [
          [
            m.id,
            r.lead === null ? null : name(r.lead),
            r.co.map(name).join('、'),
            r.deadline,
            milestonesText(r),
          ],
        ];
      }),
    },
  ];
}

/** The workbook's sheets with issue 18's columns and sheets added. */
export function withFollowUp(sheets: SheetSpec[], report: DeepReadonly<Report>): SheetSpec[] {
  return [
    ...sheets.map((s) => (s.name === TARGETS_SHEET ? withAttainmentColumns(s, report) : s)),
    ...followUpSheets(report),
  ];
}
