import { z } from 'zod';

export const ErrorIssueSchema = z.object({
  path: z.string().describe('Which field or parameter, e.g. body.email or query.chapter.'),
  message: z.string().describe('What is wrong with it and what to do, in Chinese.'),
});
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/** The one body of every error both APIs send; some errors add fields (a conflict its nodes). */
export const ErrorBodySchema = z
  .object({
    error: z.string().describe('What went wrong, in Chinese, for people.'),
    code: z
      .string()
      .describe('Stable machine-readable code, e.g. invalid-input, not-found, conflict.'),
    issues: z
      .array(ErrorIssueSchema)
      .describe('One entry per offending field; empty when the error is not about one.'),
  })
  .describe('Every error the API returns.');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The codes the toolkit itself answers with; apps add their own (a domain refusal's code). */
export const ERROR_CODES = {
  invalidInput: 'invalid-input',
  malformedJson: 'malformed-json',
  payloadTooLarge: 'payload-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  badRequest: 'bad-request',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not-found',
  methodNotAllowed: 'method-not-allowed',
  conflict: 'conflict',
  internal: 'internal',
} as const;
