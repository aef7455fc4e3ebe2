import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export const FONT_REGULAR = 'NotoSansSC';
export const FONT_BOLD = 'NotoSansSC-Bold';
export const COLORS = {
  ink: '#1f2328',
  muted: '#59636e',
  accent: '#8c1d18',
  rule: '#d1d9e0',
  band: '#f2f4f6',
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

  /**
   * A table with a bold header row, repeated at the top of every page it runs onto. Column widths
   * are shares of the text width; cells wrap.
   */
  table(columns: readonly { header: string; share: number }[], rows: readonly string[][]): void {
    const size = 8.5;
    const pad = 3;
    const widths = columns.map((c) => c.share * this.width);
    const heightOf = (cells: readonly string[], font: string): number => {
      this.doc.font(font).fontSize(size);
      return (
        Math.max(
          ...cells.map((text, k) =>
            this.doc.heightOfString(text, { width: (widths[k] ?? 0) - 2 * pad, lineGap: 1 }),
          ),
        ) +
        2 * pad
      );
    };
    const drawRow = (cells: readonly string[], font: string, fill?: string): void => {
      const height = heightOf(cells, font);
      const top = this.doc.y;
      if (fill !== undefined) this.doc.rect(this.left, top, this.width, height).fill(fill);
      this.doc.font(font).fontSize(size).fillColor(COLORS.ink);
      let x = this.left;
      cells.forEach((text, k) => {
        const width = widths[k] ?? 0;
        this.doc.text(text, x + pad, top + pad, { width: width - 2 * pad, lineGap: 1 });
        x += width;
      });
      const bottom = top + height;
      this.doc
        .moveTo(this.left, bottom)
        .lineTo(this.left + this.width, bottom)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke();
      this.doc.x = this.left;
      this.doc.y = bottom;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = heightOf(headers, FONT_BOLD);
    this.ensureSpace(headerHeight * 3);
    drawRow(headers, FONT_BOLD, COLORS.band);
    for (const row of rows) {
      const bottom = this.doc.page.height - this.doc.page.margins.bottom;
      if (this.doc.y + heightOf(row, FONT_REGULAR) > bottom) {
        this.doc.addPage();
        drawRow(headers, FONT_BOLD, COLORS.band);
      }
      drawRow(row, FONT_REGULAR);
    }
  }

  gap(lines = 0.5): void {
    this.doc.moveDown(lines);
  }
}
