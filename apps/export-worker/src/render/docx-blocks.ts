import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { EditionView, IndicatorView, MeasureView, NoteView } from '../view/edition-view.js';
import {
  PROGRESS_COLUMNS,
  PROGRESS_HEADING,
  progressCells,
  progressNote,
} from '../view/edition-view.js';

// Building blocks of the Word export. Evidence URLs are written as text, not w:hyperlink:
// docx gives every hyperlink a random relationship id, which would make two renders differ.

const MUTED = '59636E';

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel =
    level === 1
      ? HeadingLevel.HEADING_1
      : level === 2
        ? HeadingLevel.HEADING_2
        : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: headingLevel, children: [new TextRun(text)] });
}

export function para(
  text: string,
  options: { muted?: boolean; size?: number; indent?: number } = {},
): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    ...(options.indent === undefined ? {} : { indent: { left: options.indent } }),
    children: [
      new TextRun({
        text,
        ...(options.muted === true ? { color: MUTED } : {}),
        ...(options.size === undefined ? {} : { size: options.size }),
      }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'D1D9E0' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
  });
}

function textTable(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((t) => cell(t)) })),
    ],
  });
}

export function indicatorTable(indicators: readonly IndicatorView[]): Table {
  return textTable(
    ['指标', '目标', '数值', '单位', '性质', '原文'],
    indicators.map((i) => [i.metric, i.target, i.valueText, i.unit, i.aspirational, i.raw]),
  );
}

/** 目标进展: progress against each target (issue 18); nothing where the edition has no actual value. */
export function progressBlocks(v: EditionView): (Paragraph | Table)[] {
  if (v.progress.length === 0) return [];
  return [
    heading(PROGRESS_HEADING, 1),
    para(progressNote(v.period), { muted: true, size: 18 }),
    textTable(
      PROGRESS_COLUMNS.map((c) => c.header),
      v.progress.map(progressCells),
    ),
    para(''),
  ];
}

export function measureBlocks(m: MeasureView): (Paragraph | Table)[] {
  const facts = [`编号 ${m.id}`, `状态：${m.status}`, `进度：${m.progress}`];
  if (m.places.length > 0) facts.push(`地点：${m.places.join('、')}`);
  const blocks: (Paragraph | Table)[] = [
    para(m.text),
    para(facts.join('\u3000·\u3000'), { muted: true, size: 18 }),
  ];
  if (m.indicators.length > 0) blocks.push(indicatorTable(m.indicators), para(''));
  for (const u of m.updates) {
    const extra = [u.status, u.progress].filter((x) => x !== null).join('，');
    blocks.push(
      para(`进展 ${u.date}${extra === '' ? '' : `（${extra}）`}：${u.note}`, { indent: 240 }),
    );
    if (u.evidenceUrl !== null)
      blocks.push(para(`佐证：${u.evidenceUrl}`, { indent: 480, muted: true, size: 18 }));
  }
  return blocks;
}

export function noteBlocks(n: NoteView): Paragraph[] {
  const blocks = [
    heading(n.heading, 3),
    para(
      `状态：${n.status}\u3000·\u3000涉及：${n.concerns.join('；') || '—'}\u3000·\u3000原文位置：${n.sourceLines}`,
      { muted: true, size: 18 },
    ),
    para(n.reasoning),
  ];
  if (n.originalText !== null) blocks.push(para(`原文：${n.originalText}`, { indent: 240 }));
  if (n.correctedText !== null) blocks.push(para(`更正为：${n.correctedText}`, { indent: 240 }));
  for (const removed of n.removedText)
    blocks.push(para(`删除：${removed}`, { indent: 240, muted: true }));
  return blocks;
}
