import { z } from 'zod';
import {
  DepartmentSchema,
  MeasureSchema,
  ObservationSourceSchema,
  ProgressUpdateSchema,
} from '@leshan/report-core/model';
import { CommandSchema } from '@leshan/report-core/edit';

const IdParam = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9-]+$/);

export const MeasureParamsSchema = z.strictObject({ id: IdParam });
export const SubmissionParamsSchema = z.strictObject({ id: IdParam });

const DateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** A reporter's progress update (进展): what progress.add records, without its id. */
const ProgressBodySchema = z.strictObject({
  kind: z.literal('progress'),
  measureId: IdParam,
  update: ProgressUpdateSchema.omit({ id: true }),
});

/** A reporter's actual value (实际值) of one of the measure's targets, without its id. */
const ObservationBodySchema = z.strictObject({
  kind: z.literal('observation'),
  measureId: IdParam,
  indicatorId: IdParam,
  observation: z.strictObject({
    date: DateSchema.describe('截至: the day the value describes.'),
    value: z.number({ error: '实际值必须是数字，如 90' }).finite(),
    basis: z.enum(['cumulative', 'annual']).optional(),
    source: ObservationSourceSchema,
    note: z.string().trim().max(2000).optional(),
  }),
});

export const SubmitBodySchema = z
  .discriminatedUnion('kind', [ProgressBodySchema, ObservationBodySchema])
  .describe('A progress update or an actual value, sent for review.');
export type SubmitBody = z.infer<typeof SubmitBodySchema>;

export const SubmissionViewSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  measureText: z.string().nullable().describe('The measure’s text in the draft (null if gone).'),
  kind: z.enum(['progress', 'observation']),
  commands: z.array(CommandSchema),
  status: z.enum(['pending', 'approved', 'returned']),
  reporterId: z.string(),
  reporter: z.string().nullable(),
  reviewer: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  revision: z.number().int().nullable(),
  summary: z.string().describe('What it records, in words (中文).'),
});
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;

export const SubmissionListSchema = z.object({ submissions: z.array(SubmissionViewSchema) });
export const SubmissionBodySchema = z.object({ submission: SubmissionViewSchema });
export const SubmissionQuerySchema = z.strictObject({
  status: z.enum(['pending', 'approved', 'returned']).optional(),
});
export const ReturnBodySchema = z.strictObject({
  comment: z
    .string()
    .trim()
    .min(1, { error: '请填写退回理由' })
    .max(2000, { error: '退回理由不能超过 2000 字' }),
});

export const ReporterMeasuresSchema = z.object({
  departments: z.array(DepartmentSchema).describe('The caller’s departments.'),
  measures: z.array(MeasureSchema).describe('Measures led or shared by one of them.'),
});
export const ReporterMeasureSchema = z.object({ measure: MeasureSchema });

export const UserDepartmentsBodySchema = z.strictObject({
  departments: z.array(IdParam).max(50).describe('Ids of the draft’s departments.'),
});
export const UserDepartmentsSchema = z.object({
  userId: z.string(),
  departments: z.array(z.string()),
});
