import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ExportInput } from '../schemas.js';
import { buildEditionView } from '../view/edition-view.js';
import { rezipDeterministic } from '../zip/deterministic-zip.js';
import { heading, measureBlocks, noteBlocks, para, progressBlocks } from './docx-blocks.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** docx stamps dcterms:created/modified with the current time; the edition's date replaces it. */
function fixCoreDates(path: string, bytes: Uint8Array, iso: string): Uint8Array {
  if (path !== 'docProps/core.xml') return bytes;
  const stamp = `${iso.slice(0, 19)}Z`;
  const xml = decoder
    .decode(bytes)
    .replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
    );
  return encoder.encode(xml);
}

const footer = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'],
          size: 18,
        }),
      ],
    }),
  ],
});

/** A Word document with real Heading 1–3 styles (navigation pane), indicator tables and page numbers. */
export async function renderDocx(input: ExportInput): Promise<Uint8Array> {
  const v = buildEditionView(input);
  const at = new Date(input.edition.publishedAt).toISOString();
  const body = [
    new Paragraph({ heading: 'Title', children: [new TextRun(v.title)] }),
    ...(v.subtitle === null ? [] : [para(v.subtitle)]),
    para(`${v.issuer}\u3000${v.scope}（${v.period}）`, { muted: true }),
    heading('主要目标', 1),
    ...v.goals.map((g) => para(`${g.subject}：${g.target}`)),
    heading('指导思想', 1),
    para(v.ideology),
    ...v.chapters.flatMap((c) => [
      heading(c.heading, 1),
      ...c.sections.flatMap((s) => [heading(s.title, 2), ...s.measures.flatMap(measureBlocks)]),
    ]),
    ...progressBlocks(v),
    heading('编辑说明', 1),
    ...v.notes.flatMap(noteBlocks),
    ...v.colophon.map((line) => para(line, { muted: true, size: 18 })),
  ];
  const doc = new Document({
    creator: v.issuer,
    lastModifiedBy: v.issuer,
    title: v.title,
    description: `${v.scope}（${v.period}）；版本 ${v.edition.id}，哈希 ${v.edition.hash}`,
    styles: {
      default: {
        document: {
          run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Noto Sans SC' }, size: 21 },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return rezipDeterministic(new Uint8Array(buffer), input.edition.publishedAt, (path, bytes) =>
    fixCoreDates(path, bytes, at),
  );
}
