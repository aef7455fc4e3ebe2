import { CommandSchema } from '@leshan/report-core/edit';
import type { Command } from '@leshan/report-core/edit';
import { NodeIdSchema } from '@leshan/report-core/model';
import { z } from 'zod';
import { IdSchema, jsonColumn, TimestampSchema } from './columns.js';

export const SubmissionKindSchema = z
  .enum(['progress', 'observation'])
  .describe(
    'progress: a progress update of the measure; observation: an actual value of a target.',
  );
export type SubmissionKind = z.infer<typeof SubmissionKindSchema>;

export const SubmissionStatusSchema = z
  .enum(['pending', 'approved', 'returned'])
  .describe(
    'pending: waits in the review queue; approved: a draft revision; returned: sent back with a comment.',
  );
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** The command each kind may carry: a reporter adds, it never edits or removes. */
const COMMAND_OF_KIND: Record<SubmissionKind, string> = {
  progress: 'progress.add',
  observation: 'observation.add',
};

/** The commands of a submission: report-core commands of its kind, one to ten. */
export const SubmissionCommandsSchema = z
  .array(CommandSchema)
  .min(1, { error: '至少需要一条更新 (at least one update)' })
  .max(10, { error: '一次最多提交 10 条更新 (at most 10 updates at once)' });

export const SubmissionSchema = z
  .object({
    id: IdSchema,
    reporterId: IdSchema.describe('The reporter who submitted it (its revision’s author).'),
    measureId: NodeIdSchema,
    kind: SubmissionKindSchema,
    commands: SubmissionCommandsSchema,
    status: SubmissionStatusSchema,
    reviewerId: IdSchema.nullable().describe('The editor who approved or returned it.'),
    comment: z.string().nullable().describe('The reviewer’s comment, shown to the reporter.'),
    createdAt: TimestampSchema,
    decidedAt: TimestampSchema.nullable(),
    revision: z.number().int().min(1).nullable().describe('The draft revision its approval made.'),
  })
  .superRefine((s, ctx) => {
    const wanted = COMMAND_OF_KIND[s.kind];
    s.commands.forEach((c: Command, i) => {
      if (c.type !== wanted)
        ctx.addIssue({
          code: 'custom',
          path: ['commands', i],
          message: `此类提交只能包含 ${wanted} (a ${s.kind} submission carries ${wanted} only)`,
        });
    });
  })
  .describe('An update a reporter sent for review.');
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionRowSchema = z.object({
  id: z.string(),
  reporter_id: z.string(),
  measure_id: z.string(),
  kind: SubmissionKindSchema,
  commands: z.string(),
  status: SubmissionStatusSchema,
  reviewer_id: z.string().nullable(),
  comment: z.string().nullable(),
  created_at: z.string(),
  decided_at: z.string().nullable(),
  revision: z.number().int().nullable(),
});
export type SubmissionRow = z.infer<typeof SubmissionRowSchema>;

export const SubmissionFromRowSchema = SubmissionRowSchema.extend({
  commands: jsonColumn(z.array(z.unknown())),
})
  .transform((row) => ({
    id: row.id,
    reporterId: row.reporter_id,
    measureId: row.measure_id,
    kind: row.kind,
    commands: row.commands,
    status: row.status,
    reviewerId: row.reviewer_id,
    comment: row.comment,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    revision: row.revision,
  }))
  .pipe(SubmissionSchema);

export const NewSubmissionSchema = z
  .object({
    reporterId: IdSchema,
    measureId: NodeIdSchema,
    kind: SubmissionKindSchema,
    commands: SubmissionCommandsSchema,
  })
  .describe('What createSubmission needs.');
export type NewSubmission = z.input<typeof NewSubmissionSchema>;

export const SubmissionQuerySchema = z.object({
  reporterId: IdSchema.optional(),
  status: SubmissionStatusSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type SubmissionQuery = z.infer<typeof SubmissionQuerySchema>;

export const UserDepartmentRowSchema = z.object({ user_id: z.string(), department_id: z.string() });
export type UserDepartmentRow = z.infer<typeof UserDepartmentRowSchema>;

export const DepartmentIdsSchema = z
  .array(NodeIdSchema)
  .max(50)
  .describe('Ids of departments of the draft report (report.departments).');
