import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The monorepo root (where pnpm-workspace.yaml is), so `data/` is the same folder for every app. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const AdminEnvSchema = z.object({
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
  DATA_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Folder of the SQLite file (default: <repo>/data).'),
  SQLITE_FILE: z.string().min(1).optional().describe('SQLite file (default: $DATA_DIR/leshan.db).'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: '必须是 postgres:// 或 postgresql:// 开头的连接串' })
    .optional()
    .describe(
      'PostgreSQL connection string; when set, the store uses PostgreSQL instead of SQLite.',
    ),
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
    .describe('Failed logins per e-mail and address before a pause.'),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
});
export type AdminEnv = z.infer<typeof AdminEnvSchema> & { repoRoot: string; sqliteFile: string };

/** Reads the settings once; a bad value stops the start with a message naming the variable. */
export function readAdminEnv(source: Record<string, string | undefined> = process.env): AdminEnv {
  const result = AdminEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量设置有误 (invalid environment settings):\n${lines.join('\n')}`);
  }
  const repoRoot = findRepoRoot();
  const dataDir = resolve(repoRoot, result.data.DATA_DIR ?? 'data');
  return {
    ...result.data,
    repoRoot,
    sqliteFile: resolve(dataDir, result.data.SQLITE_FILE ?? 'leshan.db'),
  };
}
