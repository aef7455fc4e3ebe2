import { z } from 'zod';

export const LoginLimitRowSchema = z.object({
  key: z.string().describe('account:<email>, address:<ip> or pair:<email>|<ip>.'),
  attempts: z.number().int().min(0).describe('Attempts counted in the current window.'),
  window_start: z.string(),
  last_attempt_at: z.string(),
});
export type LoginLimitRow = z.infer<typeof LoginLimitRowSchema>;

export const LoginLimitsSchema = z
  .object({
    pairMax: z
      .number()
      .int()
      .min(1)
      .describe('Attempts per account and address in a window (a hard limit).'),
    addressMax: z
      .number()
      .int()
      .min(1)
      .describe('Failed attempts per address in a window (an office shares one address).'),
    accountFree: z
      .number()
      .int()
      .min(1)
      .describe('Attempts per account in a window before each further one waits.'),
    windowMs: z.number().int().min(1),
    delayBaseMs: z.number().int().min(1).describe('First wait; doubled for each further attempt.'),
    delayCapMs: z.number().int().min(1).describe('Longest wait between attempts on one account.'),
  })
  .describe('Sign-in limits: per account+address a hard limit, per account a growing delay.');
export type LoginLimits = z.infer<typeof LoginLimitsSchema>;

export type LoginAttempt =
  { ok: true } | { ok: false; retryAfterMs: number; limit: 'pair' | 'address' | 'account' };
