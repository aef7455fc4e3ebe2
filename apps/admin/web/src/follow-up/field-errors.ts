import { toValidationIssues } from '@leshan/report-core';
import type { z } from 'zod';

/**
 * report-core's Chinese messages for a refused form, keyed by the field's path ('date',
 * 'source.title'): the first message of each field, shown at that field.
 */
export function fieldErrors(error: {
  issues: readonly z.core.$ZodIssue[];
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of toValidationIssues(error.issues)) errors[issue.path] ??= issue.message.zh;
  return errors;
}
