import { NodeIdSchema, unsafeTextReason } from '@leshan/report-core/model';
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './columns.js';

// Issue 19 point 5 (我要纠错): what a citizen sends from a measure page, and the editors' reply.

export const FEEDBACK_TEXT_MAX = 2000;
export const FEEDBACK_CONTACT_MAX = 200;
export const FEEDBACK_ANSWER_MAX = 2000;

export const FeedbackKindSchema = z
  .enum(['correction', 'progress-tip'])
  .describe('correction: something on the page is wrong; progress-tip: news of the progress.');
export type FeedbackKind = z.infer<typeof FeedbackKindSchema>;

export const FeedbackStatusSchema = z
  .enum(['open', 'answered', 'dismissed'])
  .describe('open: waits in the queue; answered: an editor recorded an answer; dismissed.');
export type FeedbackStatus = z.infer<typeof FeedbackStatusSchema>;

/** A text of 1–`max` characters (trimmed) that report-core's text rule accepts. */
function feedbackText(max: number, zhName: string) {
  return z
    .string()
    .trim()
    .min(1, { error: `请填写${zhName} (required)` })
    .max(max, { error: `${zhName}不能超过 ${max} 字 (at most ${max} characters)` })
    .superRefine((text, ctx) => {
      const reason = unsafeTextReason(text);
      if (reason !== null) ctx.addIssue({ code: 'custom', message: `${reason.zh} (${reason.en})` });
    });
}

export const FeedbackTextSchema = feedbackText(FEEDBACK_TEXT_MAX, '意见内容').describe(
  'What the citizen wrote; never published.',
);
export const FeedbackContactSchema = feedbackText(FEEDBACK_CONTACT_MAX, '联系方式').describe(
  'How to reach the citizen, if they gave it; never published.',
);
export const FeedbackAnswerSchema = feedbackText(FEEDBACK_ANSWER_MAX, '答复').describe(
  'The editor’s answer, or the reason of a dismissal.',
);

export const FeedbackSchema = z
  .object({
    id: IdSchema,
    editionNumber: z.int().min(1).describe('The edition the citizen was reading.'),
    nodeId: NodeIdSchema.describe('The measure the feedback is about.'),
    kind: FeedbackKindSchema,
    text: z.string(),
    contact: z.string().nullable(),
    status: FeedbackStatusSchema,
    answer: z.string().nullable().describe('The answer, or the reason of a dismissal (optional).'),
    answeredBy: IdSchema.nullable().describe('The editor who answered or dismissed it.'),
    answeredAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .describe('A correction or progress tip a citizen sent from a measure page.');
export type Feedback = z.infer<typeof FeedbackSchema>;

export const FeedbackRowSchema = z.object({
  id: z.string(),
  edition_number: z.number().int(),
  node_id: z.string(),
  kind: FeedbackKindSchema,
  text: z.string(),
  contact: z.string().nullable(),
  /** A salted SHA-256 of the sender's address, truncated: for the per-address limit only. */
  sender: z.string(),
  status: FeedbackStatusSchema,
  answer: z.string().nullable(),
  answered_by: z.string().nullable(),
  answered_at: z.string().nullable(),
  created_at: z.string(),
});
export type FeedbackRow = z.infer<typeof FeedbackRowSchema>;

export const FeedbackFromRowSchema = FeedbackRowSchema.transform((row) => ({
  id: row.id,
  editionNumber: row.edition_number,
  nodeId: row.node_id,
  kind: row.kind,
  text: row.text,
  contact: row.contact,
  status: row.status,
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at,
  createdAt: row.created_at,
})).pipe(FeedbackSchema);

export const FeedbackSaltRowSchema = z.object({ id: z.literal(1), salt: z.string() });
export type FeedbackSaltRow = z.infer<typeof FeedbackSaltRowSchema>;

export const FeedbackLimitSchema = z
  .object({
    max: z.int().min(1).max(1000).describe('Feedback one address may send within the window.'),
    windowMs: z.int().min(1000).max(86_400_000),
  })
  .describe('The per-address limit of submitFeedback.');
export type FeedbackLimit = z.infer<typeof FeedbackLimitSchema>;

/** The default limit: five per ten minutes per address. */
export const DEFAULT_FEEDBACK_LIMIT: FeedbackLimit = { max: 5, windowMs: 10 * 60_000 };

export const NewFeedbackSchema = z
  .object({
    editionNumber: FeedbackSchema.shape.editionNumber,
    nodeId: FeedbackSchema.shape.nodeId,
    kind: FeedbackKindSchema,
    text: FeedbackTextSchema,
    contact: FeedbackContactSchema.optional(),
    address: z.string().min(1).max(100).describe('The sender’s address; stored only as a hash.'),
    limit: FeedbackLimitSchema.optional(),
  })
  .describe('What submitFeedback needs.');
export type NewFeedback = z.input<typeof NewFeedbackSchema>;

export const FeedbackQuerySchema = z.object({
  status: FeedbackStatusSchema.optional(),
  limit: z.int().min(1).max(500).optional(),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuerySchema>;
