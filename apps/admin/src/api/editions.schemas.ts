import { z } from 'zod';
import {
  DiffSummarySchema,
  ReportSchema,
  ValidationIssueSchema,
  EditorialNoteSchema,
} from '@leshan/report-core';
import { RevisionNumberSchema } from './draft.schemas.js';

export const EditionMetaSchema = z
  .object({
    id: z.string(),
    number: z.int().min(1),
    hash: z.string().describe('sha256 of the edition’s canonical JSON.'),
    publishedAt: z.string(),
    publishedBy: z.string().nullable(),
    fromRevision: z.int().nullable().describe('The draft revision it was published from.'),
    changeSummary: DiffSummarySchema.nullable().describe(
      'What changed since the previous edition; null for the first.',
    ),
  })
  .describe('A published, immutable edition.');
export type EditionMeta = z.infer<typeof EditionMetaSchema>;

export const EditionListSchema = z.object({ editions: z.array(EditionMetaSchema) });
export const EditionParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9-]+$/, { error: '版本编号只能包含字母、数字和连字符' }),
});
export const EditionDetailSchema = z.object({ edition: EditionMetaSchema, report: ReportSchema });

export const PublishChecklistSchema = z
  .object({
    revision: z.int(),
    valid: z.boolean(),
    issues: z.array(ValidationIssueSchema),
    openNotes: z.array(EditorialNoteSchema).describe('Editorial questions still open.'),
    changeSummary: DiffSummarySchema.nullable().describe(
      'What the draft changes since the latest edition.',
    ),
    latestEdition: EditionMetaSchema.nullable(),
  })
  .describe('What a publisher checks before publishing.');

export const PublishBodySchema = z.strictObject({
  baseRevision: RevisionNumberSchema.describe(
    'The draft revision the publisher reviewed; publishing refuses if the draft moved on.',
  ),
});

export const ExportJobViewSchema = z.object({
  id: z.string(),
  editionId: z.string(),
  format: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  attempts: z.int(),
  maxAttempts: z.int(),
  error: z.string().nullable(),
  updatedAt: z.string(),
});
export const ArtifactViewSchema = z.object({
  id: z.string(),
  editionId: z.string(),
  format: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int(),
  sha256: z.string(),
  createdAt: z.string(),
  url: z.string().describe('Where the public viewer serves the file.'),
});
export const EditionExportsSchema = z.object({
  jobs: z.array(ExportJobViewSchema),
  artifacts: z.array(ArtifactViewSchema),
});
