import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export const FONT_REGULAR = 'NotoSansSC';
export const FONT_BOLD = 'NotoSansSC-Bold';
export const COLORS = {
  ink: '#1f2328',
  muted: '#59636e',
  accent: '#8c1d18',
  rule: '#d1d9e0',
} as const;

/** Small drawing helpers over pdfkit that keep one vertical rhythm across the document. */
export class PdfWriter {
  constructor(readonly doc: Doc) {}

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Starts a new page unless `points` still fit, so a heading is never left alone at a page foot. */
  ensureSpace(points: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + points > bottom) this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 17 : level === 2 ? 13.5 : 11.5;
    this.ensureSpace(size * 5);
    this.doc.moveDown(level === 1 ? 0 : 0.6);
    this.doc
      .font(FONT_BOLD)
      .fontSize(size)
      .fillColor(level === 1 ? COLORS.accent : COLORS.ink);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 2 });
    if (level === 1) {
      const y = this.doc.y + 3;
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(1.2)
        .strokeColor(COLORS.accent)
        .stroke();
      this.doc.y = y + 8;
    } else {
      this.doc.moveDown(0.3);
    }
  }

  paragraph(
    text: string,
    options: { size?: number; color?: string; indent?: number; bold?: boolean; link?: string } = {},
  ): void {
    const indent = options.indent ?? 0;
    this.doc
      .font(options.bold === true ? FONT_BOLD : FONT_REGULAR)
      .fontSize(options.size ?? 10.5)
      .fillColor(options.color ?? COLORS.ink);
    this.doc.text(text, this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: 3,
      ...(options.link === undefined ? {} : { link: options.link, underline: true }),
    });
  }

  gap(lines = 0.5): void {
    this.doc.moveDown(lines);
  }
}
