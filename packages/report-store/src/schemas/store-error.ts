import { MessageSchema, ValidationIssueSchema } from '@leshan/report-core/model';
import { z } from 'zod';

export const StoreErrorCodeSchema = z
  .enum([
    'invalid-input',
    'invalid-report',
    'not-found',
    'email-taken',
    'conflict',
    'bad-base-revision',
    'unchanged',
    'lease-lost',
    'already-exported',
    'unsupported',
    'last-admin',
    'bad-password',
    'stale-credentials',
    'rate-limited',
  ])
  .describe('What went wrong, for programs; `message` says it for people.');
export type StoreErrorCode = z.infer<typeof StoreErrorCodeSchema>;

export const StoreErrorSchema = z
  .object({
    code: StoreErrorCodeSchema,
    message: MessageSchema,
    issues: z
      .array(ValidationIssueSchema)
      .optional()
      .describe('Validation issues, for invalid-input and invalid-report.'),
  })
  .describe('An expected refusal of the store: returned, never thrown.');
export type StoreError = z.infer<typeof StoreErrorSchema>;

export function storeError(
  code: StoreErrorCode,
  zh: string,
  en: string,
  issues?: StoreError['issues'],
): StoreError {
  return issues === undefined
    ? { code, message: { zh, en } }
    : { code, message: { zh, en }, issues };
}

/** A refusal: `{ ok: false, error }`. */
export interface Refusal {
  ok: false;
  error: StoreError;
}

export function refuse(
  code: StoreErrorCode,
  zh: string,
  en: string,
  issues?: StoreError['issues'],
): Refusal {
  return { ok: false, error: storeError(code, zh, en, issues) };
}
