import { listMeasures, placesOf } from '@leshan/report-core';
import type { ExportInput } from '../schemas.js';
import type { Cell, SheetSpec } from './xlsx-writer.js';
import { writeXlsx } from './xlsx-writer.js';
import { buildEditionView } from '../view/edition-view.js';
import { formatQuantity } from '@leshan/report-core/indicators';
import { displayTitle } from '@leshan/report-core/labels';
import { commitmentText, comparatorLabel, statusLabel } from '../view/labels.js';
import { withFollowUp } from './xlsx-follow-up.js';
import { SHEET_TABLE_COLUMNS, measuresAndTargetsTable } from './csv-tables.js';

/** 举措与目标: the columns of the editor's sheet without its input columns (report-core sheet). */
function measuresAndTargetsSheet(input: ExportInput): SheetSpec {
  const table = measuresAndTargetsTable(input.report);
  return {
    name: '举措与目标',
    columns: SHEET_TABLE_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    rows: table.rows,
  };
}

function sheets(input: ExportInput): SheetSpec[] {
  const { report, edition } = input;
  const view = buildEditionView(input);
  const measures = listMeasures(report);
  return [
    {
      name: '说明',
      columns: [
        { header: '项目', width: 16 },
        { header: '内容', width: 90 },
      ],
      rows: [
        ['标题', view.title],
        ['副标题', view.subtitle],
        ['范围', view.scope],
        ['发布机关', view.issuer],
        ['期间', view.period],
        ['版本编号', edition.id],
        ['版本序号', edition.number],
        ['版本哈希 (sha256)', edition.hash],
        ['发布时间', edition.publishedAt],
        ['原文文件', view.source.file],
        ['原文 sha256', view.source.sha256],
        ['原文说明', view.source.description],
        ['指导思想', view.ideology],
        ...view.goals.map((g): Cell[] => [`主要目标 ${g.id}`, `${g.subject}${g.target}`]),
      ],
    },
    {
      name: '章节',
      columns: [
        { header: '章', width: 6 },
        { header: '章编号', width: 10 },
        { header: '章标题', width: 50 },
        { header: '节编号', width: 10 },
        { header: '节标题', width: 40 },
        { header: '举措数', width: 8 },
      ],
      rows: report.chapters.flatMap((c) =>
        c.sections.map((s): Cell[] => [
          c.number,
          c.id,
          displayTitle(c.title),
          s.id,
          displayTitle(s.title),
          s.measures.length,
        ]),
      ),
    },
    {
      name: '举措',
      columns: [
        { header: '编号', width: 10 },
        { header: '章', width: 6 },
        { header: '节', width: 28 },
        { header: '举措', width: 80 },
        { header: '地点', width: 16 },
        { header: '状态', width: 10 },
        { header: '进度 (%)', width: 10 },
        { header: '指标数', width: 8 },
        { header: '进展', width: 60 },
      ],
      rows: measures.map((m): Cell[] => [
        m.id,
        m.chapterNumber,
        displayTitle(m.sectionTitle),
        m.text,
        placesOf(report, m.measure.places)
          .map((p) => p.name)
          .join('、'),
        statusLabel(m.measure.tracking.status),
        m.measure.tracking.progress,
        m.indicators.length,
        m.measure.tracking.updates
          .map((u) => [u.date, u.note, u.evidenceUrl].filter((x) => x !== undefined).join(' '))
          .join('\n'),
      ]),
    },
    {
      name: '指标',
      columns: [
        { header: '编号', width: 12 },
        { header: '举措编号', width: 10 },
        { header: '章', width: 6 },
        { header: '指标', width: 30 },
        { header: '数值', width: 16 },
        { header: '单位', width: 8 },
        { header: '写法', width: 14 },
        { header: '比较', width: 8 },
        { header: '性质', width: 14 },
        { header: '基期', width: 12 },
        { header: '原文', width: 24 },
      ],
      rows: measures.flatMap((m) =>
        m.indicators.map((i): Cell[] => [
          i.id,
          m.id,
          m.chapterNumber,
          i.metric,
          i.value,
          i.unit,
          formatQuantity(i.value, i.unit),
          comparatorLabel(i.comparator),
          commitmentText(i),
          i.baseline?.raw ?? null,
          i.raw,
        ]),
      ),
    },
    {
      name: '编辑说明',
      columns: [
        { header: '编号', width: 10 },
        { header: '类别', width: 12 },
        { header: '状态', width: 8 },
        { header: '涉及节点', width: 20 },
        { header: '原文行', width: 20 },
        { header: '理由', width: 70 },
        { header: '删除的文字', width: 50 },
        { header: '原文', width: 30 },
        { header: '更正为', width: 30 },
      ],
      rows: view.notes.map((n): Cell[] => [
        n.id,
        n.kind,
        n.status,
        n.nodeIds.join('、'),
        n.sourceLines,
        n.reasoning,
        n.removedText.join('\n'),
        n.originalText,
        n.correctedText,
      ]),
    },
  ];
}

/**
 * An Excel workbook: 说明, 章节, 举措, 指标 (with attainment), 编辑说明, 实际值, 单位, 责任分工,
 * 举措与目标 (the editor's measures-and-targets sheet, read-only columns);
 * byte-identical for the same edition.
 */
export function renderXlsx(input: ExportInput): Promise<Uint8Array> {
  const { meta } = input.report;
  return Promise.resolve(
    writeXlsx([...withFollowUp(sheets(input), input.report), measuresAndTargetsSheet(input)], {
      title: meta.title,
      creator: meta.issuer,
      at: input.edition.publishedAt,
    }),
  );
}
