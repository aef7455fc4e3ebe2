import { z } from 'zod';
import { ExportJobStatusSchema } from './export-schemas.js';
import { IdSchema, TimestampSchema } from './columns.js';

export const ExportDeliverySchema = z
  .object({ jobId: IdSchema })
  .describe('What a pg-boss delivery of the export-artifact queue carries: the store job to do.');
export type ExportDelivery = z.infer<typeof ExportDeliverySchema>;

export const DeliveryRefusalSchema = z
  .object({
    job: z.null(),
    status: z.union([ExportJobStatusSchema, z.literal('unknown')]),
    deferredUntil: TimestampSchema.nullable().describe(
      'Set when the job is not claimable yet: its new delivery starts then.',
    ),
  })
  .describe(
    'A delivery the store settled without a claim: its job is done, failed, unknown or not due.',
  );
export type DeliveryRefusal = z.infer<typeof DeliveryRefusalSchema>;
