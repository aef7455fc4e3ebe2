import { z } from 'zod';
import { IdSchema, Sha256Schema, TimestampSchema } from './columns.js';

/**
 * Every format the export worker renders, in the order a publish queues them. Part of the job
 * contract: the admin queues these ids and the worker renders them, so neither app imports the other.
 */
export const EXPORT_FORMATS = [
  'json',
  'json-schema',
  'csv-measures',
  'csv-indicators',
  'xlsx',
  'md',
  'html',
  'pdf',
  'docx',
  'datapackage',
] as const;

export const ExportFormatSchema = z
  .enum(EXPORT_FORMATS)
  .describe('One export format; each renders to exactly one file.');
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

// A stored job keeps any well-formed id, so rows of a format a later worker dropped still read
// (the worker fails such a job with "unknown export format").
export const ExportFormatIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
  .describe('An export format id of the export worker, e.g. json, csv-measures, pdf.');

export const ExportJobStatusSchema = z
  .enum(['queued', 'running', 'done', 'failed'])
  .describe(
    'queued: waiting for runAt; running: leased by a worker; done: artifact recorded; failed: gave up.',
  );
export type ExportJobStatus = z.infer<typeof ExportJobStatusSchema>;

export const ExportJobSchema = z
  .object({
    id: IdSchema,
    editionId: IdSchema,
    format: ExportFormatIdSchema,
    status: ExportJobStatusSchema,
    attempts: z.int().min(0).describe('Times a worker has claimed the job.'),
    maxAttempts: z.int().min(1),
    runAt: TimestampSchema.describe('Not claimable before this time (backoff after a failure).'),
    leaseOwner: z.string().nullable().describe('Worker id holding the lease while running.'),
    leaseExpiresAt: TimestampSchema.nullable().describe(
      'After this, another worker may claim the job.',
    ),
    lastError: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    finishedAt: TimestampSchema.nullable(),
  })
  .describe('One file to render for one edition.');
export type ExportJob = z.infer<typeof ExportJobSchema>;

export const ExportJobRowSchema = z.object({
  id: z.string(),
  edition_id: z.string(),
  format: z.string(),
  status: ExportJobStatusSchema,
  attempts: z.number(),
  max_attempts: z.number(),
  run_at: z.string(),
  lease_owner: z.string().nullable(),
  lease_expires_at: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
});
export type ExportJobRow = z.infer<typeof ExportJobRowSchema>;

export const ExportJobFromRowSchema = ExportJobRowSchema.transform((row) => ({
  id: row.id,
  editionId: row.edition_id,
  format: row.format,
  status: row.status,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  runAt: row.run_at,
  leaseOwner: row.lease_owner,
  leaseExpiresAt: row.lease_expires_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
})).pipe(ExportJobSchema);

export const NewArtifactSchema = z
  .object({
    fileName: z.string().min(1).max(255).describe('Download name, e.g. leshan-report-e3.pdf.'),
    path: z.string().min(1).max(4096).describe('Where the worker wrote the file.'),
    mediaType: z.string().min(3).max(255),
    size: z.int().min(0).describe('Bytes.'),
    sha256: Sha256Schema,
  })
  .describe('The file a worker produced for a job.');
export type NewArtifact = z.input<typeof NewArtifactSchema>;

export const ArtifactSchema = NewArtifactSchema.extend({
  id: IdSchema,
  jobId: IdSchema,
  editionId: IdSchema,
  format: ExportFormatIdSchema,
  createdAt: TimestampSchema,
}).describe('An exported file of an edition; at most one per edition and format.');
export type Artifact = z.infer<typeof ArtifactSchema>;

export const ArtifactOfEditionSchema = ArtifactSchema.extend({
  editionNumber: z.int().min(1).describe('The number of the edition the file belongs to.'),
}).describe('An exported file with its edition number, as the reconcile loop checks it.');
export type ArtifactOfEdition = z.infer<typeof ArtifactOfEditionSchema>;

export const ArtifactRowSchema = z.object({
  id: z.string(),
  job_id: z.string(),
  edition_id: z.string(),
  format: z.string(),
  file_name: z.string(),
  path: z.string(),
  media_type: z.string(),
  size: z.number(),
  sha256: z.string(),
  created_at: z.string(),
});
export type ArtifactRow = z.infer<typeof ArtifactRowSchema>;

export const ArtifactFromRowSchema = ArtifactRowSchema.transform((row) => ({
  id: row.id,
  jobId: row.job_id,
  editionId: row.edition_id,
  format: row.format,
  fileName: row.file_name,
  path: row.path,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at,
})).pipe(ArtifactSchema);
