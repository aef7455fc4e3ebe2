import PDFDocument from 'pdfkit';
import type { ExportInput } from '../schemas.js';
import { buildEditionView } from '../view/edition-view.js';
import { loadPdfFonts } from './pdf-fonts.js';
import { COLORS, FONT_BOLD, FONT_REGULAR, PdfWriter } from './pdf-writer.js';
import {
  writeColophon,
  writeGoalsAndIdeology,
  writeMeasure,
  writeNote,
  writeProgress,
} from './pdf-sections.js';
import { PROGRESS_HEADING } from '../view/edition-view.js';

type Doc = InstanceType<typeof PDFDocument>;

interface TocEntry {
  title: string;
  destination: string;
  slot: { page: number; y: number };
  target: number;
}

const MARGINS = { top: 64, bottom: 64, left: 62, right: 62 };
const TOC_LINE = 22;

function currentPage(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/** Reserves one line of the contents per entry now; the page numbers are known only at the end. */
function reserveToc(w: PdfWriter, titles: { title: string; destination: string }[]): TocEntry[] {
  return titles.map(({ title, destination }) => {
    w.ensureSpace(TOC_LINE);
    const slot = { page: currentPage(w.doc), y: w.doc.y };
    w.doc.y += TOC_LINE;
    return { title, destination, slot, target: -1 };
  });
}

function startSection(w: PdfWriter, entry: TocEntry | undefined, title: string): void {
  w.doc.addPage();
  if (entry !== undefined) {
    entry.target = currentPage(w.doc);
    w.doc.addNamedDestination(entry.destination);
  }
  w.doc.outline.addItem(title);
}

function fillToc(w: PdfWriter, entries: readonly TocEntry[]): void {
  for (const e of entries) {
    w.doc.switchToPage(e.slot.page);
    const page = String(e.target + 1);
    w.doc.font(FONT_REGULAR).fontSize(11).fillColor(COLORS.ink);
    w.doc.text(e.title, w.left, e.slot.y, {
      width: w.width - 40,
      lineBreak: false,
      ellipsis: true,
      goTo: e.destination,
    });
    w.doc.text(page, w.left + w.width - 40, e.slot.y, {
      width: 40,
      align: 'right',
      lineBreak: false,
    });
  }
}

/** 第 N 页 / 共 M 页 at every page foot, and the title at every page head but the first. */
function stampPages(doc: Doc, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 }; // writing inside the margins must not add a page
    const width = doc.page.width - margins.left - margins.right;
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor(COLORS.muted);
    doc.text(`第 ${i + 1} 页 / 共 ${count} 页`, margins.left, doc.page.height - 40, {
      width,
      align: 'center',
      lineBreak: false,
    });
    if (i > start)
      doc.text(title, margins.left, 30, {
        width,
        align: 'right',
        lineBreak: false,
        ellipsis: true,
      });
    doc.page.margins = margins;
  }
}

/** An A4 PDF in embedded, subsetted Noto Sans SC: selectable text, contents with page numbers, bookmarks. */
export function renderPdf(input: ExportInput): Promise<Uint8Array> {
  const view = buildEditionView(input);
  const at = new Date(input.edition.publishedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: view.title,
      Author: view.issuer,
      Subject: `${view.scope}（${view.period}）`,
      Keywords: `edition ${view.edition.id} ${view.edition.hash}`,
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const fonts = loadPdfFonts();
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  const w = new PdfWriter(doc);

  doc
    .font(FONT_BOLD)
    .fontSize(24)
    .fillColor(COLORS.accent)
    .text(view.title, w.left, 120, { width: w.width, align: 'center' });
  if (view.subtitle !== null)
    doc
      .moveDown(0.4)
      .font(FONT_REGULAR)
      .fontSize(13)
      .fillColor(COLORS.ink)
      .text(view.subtitle, { width: w.width, align: 'center' });
  doc
    .moveDown(0.8)
    .font(FONT_REGULAR)
    .fontSize(12)
    .fillColor(COLORS.muted)
    .text(`${view.issuer}\u3000${view.scope}（${view.period}）`, {
      width: w.width,
      align: 'center',
    });
  doc.moveDown(3);
  w.heading('目录', 2);
  // 目标进展 only where the edition records actual values: older editions render as before.
  const hasProgress = view.progress.length > 0;
  const toc = reserveToc(w, [
    { title: '主要目标 · 指导思想', destination: 'goals' },
    ...view.chapters.map((c) => ({ title: c.heading, destination: c.id })),
    ...(hasProgress ? [{ title: PROGRESS_HEADING, destination: 'progress' }] : []),
    { title: '编辑说明', destination: 'notes' },
  ]);
  writeColophon(w, view);

  startSection(w, toc[0], '主要目标 · 指导思想');
  writeGoalsAndIdeology(w, view);
  view.chapters.forEach((chapter, k) => {
    startSection(w, toc[k + 1], chapter.heading);
    w.heading(chapter.heading, 1);
    for (const section of chapter.sections) {
      w.heading(section.title, 2);
      for (const measure of section.measures) writeMeasure(w, measure);
    }
  });
  if (hasProgress) {
    startSection(w, toc[toc.length - 2], PROGRESS_HEADING);
    writeProgress(w, view);
  }
  startSection(w, toc[toc.length - 1], '编辑说明');
  w.heading('编辑说明', 1);
  for (const note of view.notes) writeNote(w, note);
  writeColophon(w, view);

  fillToc(w, toc);
  stampPages(doc, view.title);
  doc.end();
  return done;
}
