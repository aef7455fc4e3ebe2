import { z } from 'zod';
import { ReportSchema } from '@leshan/report-core';

export const EditionRefSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(100)
      .describe('The edition’s id in the store (or `canonical` for the shipped report).'),
    number: z.int().min(0).describe('The edition’s sequence number; 0 for the canonical report.'),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, {
        error: '版本哈希应为 64 位小写十六进制 (hash must be 64 lower-case hex digits)',
      })
      .describe('sha256 of the edition’s canonical JSON, lower-case hex.'),
    publishedAt: z.iso
      .datetime({
        offset: true,
        error: '发布时间应为 ISO 8601 时间 (publishedAt must be an ISO 8601 date-time)',
      })
      .describe('When the edition was published; also the fixed timestamp inside zip-based files.'),
  })
  .describe('Which published edition a file renders.');
export type EditionRef = z.infer<typeof EditionRefSchema>;

export const ExportInputSchema = z
  .object({
    report: ReportSchema.describe('The edition’s report, validated.'),
    edition: EditionRefSchema,
  })
  .describe('Everything a renderer needs: the report and the edition it was published as.');
export type ExportInput = z.infer<typeof ExportInputSchema>;

// The format list is part of the export-job contract, which the store holds (the admin queues the
// ids, the worker renders them); re-exported here under the worker's own names.
export {
  EXPORT_FORMATS as FORMAT_IDS,
  ExportFormatSchema as FormatIdSchema,
} from '@leshan/report-store';
export type { ExportFormat as FormatId } from '@leshan/report-store';
