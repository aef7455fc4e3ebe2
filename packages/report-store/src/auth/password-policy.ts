import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import type { PasswordProblem } from './password-rule.js';
import { PASSWORD_MIN_LENGTH, passwordProblemIn } from './password-rule.js';

// The store's side of the one password rule (password-rule.ts), with the list loaded up front.
const COMMON: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/** Why a password may not be used, in Chinese (with English), or null when it may. */
export function passwordProblem(password: string): PasswordProblem | null {
  return passwordProblemIn(password, COMMON);
}

export const PasswordSchema = z
  .string()
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem !== null)
      ctx.addIssue({ code: 'custom', message: `${problem.zh} (${problem.en})` });
  })
  .describe(`At least ${PASSWORD_MIN_LENGTH} characters, not only spaces, not a common password.`);
