import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// pnpm runs package scripts in the package folder; INIT_CWD is where the user typed the command,
// so `--out ./exports` means the folder the user meant.
const EnvSchema = z.object({
  INIT_CWD: z.string().min(1).optional(),
});

export interface ExportEnv {
  initCwd: string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ExportEnv {
  const parsed = EnvSchema.safeParse(env);
  return { initCwd: parsed.success ? parsed.data.INIT_CWD : undefined };
}

/** The monorepo root (where pnpm-workspace.yaml is), so `data/` is the folder every app uses. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// The same names and defaults as the admin app, so one environment configures both.
export const WorkerEnvSchema = z.object({
  DATA_DIR: z.string().min(1).optional().describe('Data folder (default: <repo>/data).'),
  EXPORT_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Where files are written, one folder per edition (default: $DATA_DIR/exports).'),
  SQLITE_FILE: z.string().min(1).optional().describe('SQLite file (default: $DATA_DIR/leshan.db).'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: '必须是 postgres:// 或 postgresql:// 开头的连接串' })
    .optional()
    .describe('PostgreSQL connection string; when set, used instead of SQLite.'),
  WORKER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,80}$/, { error: '只能用字母、数字和 . _ : -，最多 80 个字符' })
    .default(`${hostname()}-${process.pid}`)
    .describe('Name of this worker in job leases and logs; unique per process.'),
  WORKER_CONCURRENCY: int(1, 16).default(1).describe('Jobs one process renders at a time.'),
  LEASE_MS: int(200, 3_600_000)
    .default(60_000)
    .describe('How long a claimed job stays ours without renewal; renewed every third of it.'),
  POLL_MS: int(50, 600_000)
    .default(2_000)
    .describe(
      'Pause before asking again when no job is due: the store (SQLite) or pg-boss (PostgreSQL).',
    ),
  RETRY_DELAY_MS: int(0, 3_600_000)
    .default(30_000)
    .describe(
      'Wait before retrying a failed attempt, doubled for each further one (capped at an hour); the store keeps this schedule on both engines.',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WorkerEnv = z.infer<typeof WorkerEnvSchema> & {
  exportDir: string;
  sqliteFile: string;
};

/**
 * Reads the worker's settings once. Relative folders resolve against the repository root (as in
 * the admin app); a bad value is returned as a message naming the variable, for main to print.
 */
export function readWorkerEnv(
  source: Record<string, string | undefined> = process.env,
): { ok: true; env: WorkerEnv } | { ok: false; message: string } {
  const result = WorkerEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    return {
      ok: false,
      message: `环境变量设置有误 (invalid environment settings):\n${lines.join('\n')}`,
    };
  }
  const repoRoot = findRepoRoot();
  const dataDir = resolve(repoRoot, result.data.DATA_DIR ?? 'data');
  return {
    ok: true,
    env: {
      ...result.data,
      exportDir: resolve(repoRoot, result.data.EXPORT_DIR ?? join(dataDir, 'exports')),
      sqliteFile: resolve(dataDir, result.data.SQLITE_FILE ?? 'leshan.db'),
    },
  };
}
