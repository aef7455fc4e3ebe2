import { z } from 'zod';
import { MeasureSchema } from '@leshan/report-core';
import { ArtifactSchema, EditionSummarySchema, Sha256Schema } from '../../schemas.js';
import { IndicatorRowSchema } from '@leshan/report-views';

export const EditionRefSchema = z
  .object({ id: z.string(), number: z.int().min(1), hash: Sha256Schema })
  .describe('The edition an answer was read from.');
export type EditionRef = z.infer<typeof EditionRefSchema>;

export const EditionListSchema = z
  .object({ editions: z.array(EditionSummarySchema).describe('Newest first.') })
  .describe('Every published edition.');

export const ArtifactListSchema = z
  .object({
    edition: EditionRefSchema,
    artifacts: z.array(
      ArtifactSchema.extend({ href: z.string().describe('Download address of the file.') }),
    ),
  })
  .describe('The export files of an edition.');

export const MeasureResponseSchema = z
  .object({
    edition: EditionRefSchema,
    chapter: z.object({ id: z.string(), number: z.int().min(1), title: z.string().nullable() }),
    section: z.object({ id: z.string(), title: z.string().nullable() }),
    measure: MeasureSchema,
    url: z.string().describe('The page that shows the measure, with its anchor.'),
  })
  .describe('One measure with where it sits.');

export const IndicatorListSchema = z
  .object({
    edition: EditionRefSchema,
    total: z.int().min(0).describe('Targets in the edition before filtering.'),
    indicators: z.array(
      IndicatorRowSchema.extend({
        display: z.string().describe('The value written the Chinese way, e.g. 2000亿元.'),
      }),
    ),
  })
  .describe('Quantitative targets, flat, filtered and sorted as asked.');

export const EditionParamsSchema = z.object({
  edition: z.string().min(1).max(100).describe('Edition id, number or content hash.'),
});
export const FileParamsSchema = EditionParamsSchema.extend({
  fileName: z.string().min(1).max(200).describe('File name of the export.'),
});
export const MeasureParamsSchema = z.object({
  id: z.string().min(1).max(64).describe('Measure id, e.g. m94.'),
});
export const MeasureQuerySchema = z.object({
  edition: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Edition id, number or hash; the latest when absent.'),
});

export const ApiIndexSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    openapi: z.string(),
    links: z.record(z.string(), z.string()),
  })
  .describe('Where to start.');
