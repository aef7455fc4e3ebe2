import type { EditionView, MeasureView, NoteView } from '../view/edition-view.js';
import {
  PROGRESS_COLUMNS,
  PROGRESS_HEADING,
  PROGRESS_NOTE,
  progressCells,
} from '../view/edition-view.js';
import type { PdfWriter } from './pdf-writer.js';
import { COLORS } from './pdf-writer.js';

// The body of the PDF, one function per kind of block; render-pdf.ts adds cover, contents and page numbers.

export function writeMeasure(w: PdfWriter, m: MeasureView): void {
  w.ensureSpace(60);
  w.paragraph(m.text);
  const facts = [`编号 ${m.id}`, `状态：${m.status}`, `进度：${m.progress}`];
  if (m.places.length > 0) facts.push(`地点：${m.places.join('、')}`);
  w.paragraph(facts.join('\u3000·\u3000'), { size: 8.5, color: COLORS.muted });
  for (const i of m.indicators) {
    w.paragraph(`• ${i.metric}：${i.target}（${i.aspirational}）\u3000原文“${i.raw}”`, {
      size: 9.5,
      indent: 12,
    });
  }
  for (const u of m.updates) {
    const extra = [u.status, u.progress].filter((x) => x !== null).join('，');
    w.paragraph(`进展 ${u.date}${extra === '' ? '' : `（${extra}）`}：${u.note}`, {
      size: 9.5,
      indent: 12,
    });
    if (u.evidenceUrl !== null)
      w.paragraph(`佐证：${u.evidenceUrl}`, {
        size: 8.5,
        indent: 24,
        color: COLORS.muted,
        link: u.evidenceUrl,
      });
  }
  w.gap(0.6);
}

export function writeNote(w: PdfWriter, n: NoteView): void {
  w.heading(n.heading, 3);
  w.paragraph(
    `状态：${n.status}\u3000·\u3000涉及节点：${n.nodeIds.join('、')}\u3000·\u3000原文位置：${n.sourceLines}`,
    { size: 8.5, color: COLORS.muted },
  );
  w.paragraph(n.reasoning);
  if (n.originalText !== null) w.paragraph(`原文：${n.originalText}`, { size: 9.5, indent: 12 });
  if (n.correctedText !== null)
    w.paragraph(`更正为：${n.correctedText}`, { size: 9.5, indent: 12 });
  for (const removed of n.removedText)
    w.paragraph(`删除：${removed}`, { size: 9.5, indent: 12, color: COLORS.muted });
  w.gap(0.4);
}

export function writeGoalsAndIdeology(w: PdfWriter, v: EditionView): void {
  w.heading('主要目标', 1);
  for (const g of v.goals) w.paragraph(`${g.subject}：${g.target}`, { indent: 12 });
  w.gap(1);
  w.heading('指导思想', 1);
  w.paragraph(v.ideology);
}

export function writeColophon(w: PdfWriter, v: EditionView): void {
  w.gap(1);
  for (const line of v.colophon) w.paragraph(line, { size: 8.5, color: COLORS.muted });
}

/** 目标进展: progress against each target, one row a target (issue 18). */
export function writeProgress(w: PdfWriter, v: EditionView): void {
  w.heading(PROGRESS_HEADING, 1);
  w.paragraph(PROGRESS_NOTE, { size: 8.5, color: COLORS.muted });
  w.gap(0.4);
  w.table(
    PROGRESS_COLUMNS,
    v.progress.map((p) => progressCells(p)),
  );
}
