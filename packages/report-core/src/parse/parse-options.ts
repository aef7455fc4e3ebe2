import { z } from 'zod';
import { NodeIdSchema } from '../model/ids.js';
import { PlaceSchema } from '../model/place.js';

export const ParseOptionsSchema = z
  .object({
    id: NodeIdSchema.optional().describe('The report’s id; default leshan-<start>-<end>.'),
    issuer: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .default('乐山市人民政府')
      .describe('The issuing government.'),
    period: z
      .object({ start: z.int().min(1949).max(2100), end: z.int().min(1949).max(2100) })
      .refine((p) => p.start <= p.end, {
        error: '起始年份不能晚于结束年份 (period start must not be after its end)',
      })
      .default({ start: 2022, end: 2026 })
      .describe('The years the report covers.'),
    places: z
      .array(PlaceSchema)
      .default([])
      .describe('The gazetteer to put in report.places (the parser does not curate it).'),
    file: z
      .string()
      .min(1)
      .default('leshan-report-source.txt')
      .describe('File name recorded in meta.source.file.'),
    description: z
      .string()
      .min(1)
      .default('由 parseReportText 逐行解析的原文，未经编辑整理（见解析诊断）。')
      .describe('Description recorded in meta.source.description.'),
  })
  .describe('Options of parseReportText: what the document itself does not say.');
export type ParseOptionsInput = z.input<typeof ParseOptionsSchema>;
export type ParseOptions = z.output<typeof ParseOptionsSchema>;
