import { z } from 'zod';
import { DiffSummarySchema, ReportDiffSchema, ReportShapeSchema } from '@leshan/report-core';
import { RevisionNumberSchema } from './draft.schemas.js';

export const RevisionMetaSchema = z
  .object({
    number: z.int().min(0),
    author: z.string().nullable().describe('Display name of who made it; null for the seed.'),
    authorId: z.string().nullable(),
    createdAt: z.string(),
    hash: z.string().describe('sha256 of the resulting report.'),
    kind: z.enum(['seed', 'edit', 'restore', 'replace']).describe('replace: an import.'),
    commandCount: z.int().min(0),
    touched: z.array(z.string()),
  })
  .describe('One revision of the draft.');
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;

export const RevisionListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: RevisionNumberSchema.optional().describe('Only revisions numbered below this.'),
});
export const RevisionListSchema = z.object({ revisions: z.array(RevisionMetaSchema) });

export const RevisionParamsSchema = z.strictObject({ number: RevisionNumberSchema });
export const RevisionDetailSchema = z.object({
  revision: RevisionMetaSchema,
  commands: z
    .array(z.looseObject({ type: z.string() }))
    .describe(
      'The commands as recorded (report-core commands, or draft.* for seed/restore/import).',
    ),
  report: ReportShapeSchema,
});

export const DiffQuerySchema = z.strictObject({
  from: RevisionNumberSchema.describe('Older revision.'),
  to: RevisionNumberSchema.describe('Newer revision.'),
});
export const RevisionDiffSchema = z.object({
  from: z.int(),
  to: z.int(),
  diff: ReportDiffSchema,
  summary: DiffSummarySchema,
});

export const RestoreBodySchema = z.strictObject({
  baseRevision: RevisionNumberSchema.describe(
    'The draft revision the editor saw when choosing to restore.',
  ),
});
