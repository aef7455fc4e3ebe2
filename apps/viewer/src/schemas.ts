import { z } from 'zod';
import { ReportSchema } from '@leshan/report-core';

/** Lower-case hex sha256. */
export const Sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('sha256, lower-case hex.');

export const EditionSummarySchema = z
  .object({
    id: z.string().min(1).describe('The edition’s id in the store.'),
    number: z.int().min(1).describe('1 for the first published edition, then 2, 3, …'),
    hash: Sha256Schema.describe(
      'sha256 of the edition’s canonical report JSON: caches and files key on it.',
    ),
    publishedAt: z.iso
      .datetime({ offset: true })
      .describe('When the edition was published (ISO 8601).'),
    changeSummary: z.string().describe('What changed since the previous edition, in Chinese.'),
  })
  .describe('A published edition without its report.');
export type EditionSummary = z.infer<typeof EditionSummarySchema>;

export const EditionSchema = EditionSummarySchema.extend({
  report: ReportSchema.describe('The report as published in this edition (immutable).'),
}).describe('An immutable, published snapshot of the report.');
export type Edition = z.infer<typeof EditionSchema>;

export const ArtifactSchema = z
  .object({
    id: z.string().min(1).describe('The export file’s id.'),
    editionId: z.string().min(1).describe('The edition the file was made from.'),
    format: z.string().min(1).describe('json, csv, xlsx, markdown, html, pdf, docx, datapackage …'),
    fileName: z.string().min(1).describe('Suggested file name for the download.'),
    mediaType: z.string().min(1).describe('MIME type, e.g. application/pdf.'),
    size: z.int().min(0).describe('Size in bytes.'),
    sha256: Sha256Schema.describe('sha256 of the file’s bytes.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When the file was written (ISO 8601).'),
  })
  .describe('One exported file of an edition.');
export type Artifact = z.infer<typeof ArtifactSchema>;

/** Summary of an edition: everything but the report. */
export function summarizeEdition(edition: Edition): EditionSummary {
  const { report: _report, ...summary } = edition;
  return summary;
}
