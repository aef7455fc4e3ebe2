import { z } from 'zod';
import { parseEnv, StoreEnvSchema, storeLocation } from '@leshan/report-store/env';
import type { StoreLocation } from '@leshan/report-store/env';

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The admin's settings: the store's (DATABASE_URL, DATA_DIR, SQLITE_FILE) and its own. */
export const AdminEnvSchema = StoreEnvSchema.extend({
  ADMIN_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface the admin server listens on.'),
  ADMIN_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(4100)
    .describe('Port of the admin server.'),
  ADMIN_EMAIL: z
    .email({ error: '必须是有效的电子邮箱地址' })
    .optional()
    .describe('E-mail of the first admin.'),
  ADMIN_PASSWORD: z
    .string()
    .min(12, { error: '至少 12 个字符' })
    .optional()
    .describe('Password of the first admin.'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12)
    .describe('Session lifetime in hours.'),
  TRUST_PROXY: boolean
    .default(false)
    .describe('true behind a TLS-terminating proxy (cookies become Secure).'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIEWER_URL: z
    .url()
    .default('http://127.0.0.1:4200')
    .describe('Public viewer address, for preview links.'),
  LOGIN_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Sign-in attempts per e-mail and address in a window (a hard limit).'),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_ADDRESS_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .describe('Failed sign-ins per address in a window (an office may share one address).'),
  LOGIN_ACCOUNT_FREE_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('Attempts per e-mail in a window before each further one waits (never a lock).'),
  LOGIN_DELAY_CAP_SECONDS: z.coerce
    .number()
    .positive()
    .default(60)
    .describe('Longest wait between sign-in attempts on one e-mail.'),
});
export type AdminEnv = z.infer<typeof AdminEnvSchema> & StoreLocation;

/** Reads the settings once; a bad value stops the start with a message naming the variable. */
export function readAdminEnv(source: Record<string, string | undefined> = process.env): AdminEnv {
  const parsed = parseEnv(AdminEnvSchema, source);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.env, ...storeLocation(parsed.env) };
}
