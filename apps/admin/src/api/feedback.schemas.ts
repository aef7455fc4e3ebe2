import { z } from 'zod';
import {
  FeedbackAnswerSchema,
  FeedbackKindSchema,
  FeedbackStatusSchema,
} from '@leshan/report-store/feedback';

// Issue 19 point 5 (我要纠错): the editors' queue of what citizens sent from the public site.

export const FeedbackParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9-]+$/),
});

export const FeedbackViewSchema = z.object({
  id: z.string(),
  editionNumber: z.int().describe('The edition the citizen was reading.'),
  nodeId: z.string(),
  measureWords: z
    .string()
    .describe('The measure in words (report-core describeNode on the draft).'),
  measureInDraft: z.boolean().describe('Whether the draft still has the measure (to link to it).'),
  kind: FeedbackKindSchema,
  text: z.string(),
  contact: z.string().nullable(),
  status: FeedbackStatusSchema,
  answer: z.string().nullable().describe('The answer, or the reason of a dismissal.'),
  answeredBy: z.string().nullable().describe('The editor’s name.'),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;

export const FeedbackListSchema = z.object({ feedback: z.array(FeedbackViewSchema) });
export const FeedbackBodySchema = z.object({ feedback: FeedbackViewSchema });
export const FeedbackListQuerySchema = z.strictObject({
  status: FeedbackStatusSchema.optional().describe('open by default.'),
});
export const AnswerBodySchema = z.strictObject({ answer: FeedbackAnswerSchema });
export const DismissBodySchema = z.strictObject({
  reason: z.string().trim().max(2000, { error: '忽略理由不能超过 2000 字' }).optional(),
});
