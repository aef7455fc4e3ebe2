import { z } from 'zod';
import { ComparatorSchema, TrackingStatusSchema } from '@leshan/report-core';

/** An empty form field means "no filter": `?unit=` is the same as no `unit`. */
const blankToUndefined = (v: unknown): unknown => (v === '' ? undefined : v);

export const StatusFilterSchema = z
  .union([TrackingStatusSchema, z.literal('none')])
  .describe('A tracking status, or none for measures nobody has reported on yet.');
export type StatusFilter = z.infer<typeof StatusFilterSchema>;

export const IndicatorQuerySchema = z.object({
  chapter: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(99).optional())
    .describe('Chapter number.'),
  unit: z
    .preprocess(blankToUndefined, z.string().min(1).max(20).optional())
    .describe('Base unit, e.g. 公里 or 元.'),
  comparator: z
    .preprocess(blankToUndefined, ComparatorSchema.optional())
    .describe('How the target compares.'),
  status: z
    .preprocess(blankToUndefined, StatusFilterSchema.optional())
    .describe('Tracking status of the measure.'),
  sort: z
    .preprocess(
      blankToUndefined,
      z.enum(['chapter', 'value', 'metric', 'status', 'attainment']).default('chapter'),
    )
    .describe(
      'Sort key: chapter (reading order), value or attainment (both within a unit, units in order of first appearance), metric or status.',
    ),
  dir: z
    .preprocess(blankToUndefined, z.enum(['asc', 'desc']).default('asc'))
    .describe('Sort direction.'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;
