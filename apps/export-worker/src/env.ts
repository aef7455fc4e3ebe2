import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseEnv, resolveSetting, StoreEnvSchema, storeLocation } from '@leshan/report-store/env';
import type { ParsedEnv, StoreLocation } from '@leshan/report-store/env';

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

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// The store's settings (the same names and defaults as the admin's) and the worker's own.
export const WorkerEnvSchema = StoreEnvSchema.extend({
  EXPORT_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Where files are written, one folder per edition (default: $DATA_DIR/exports).'),
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
  RECONCILE_MS: int(200, 86_400_000)
    .default(60_000)
    .describe(
      'Pause between reconcile passes: every edition gets a job per format, and every recorded file is checked against its size and sha256 (made again when missing or different).',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WorkerEnv = z.infer<typeof WorkerEnvSchema> &
  StoreLocation & {
    exportDir: string;
  };

/**
 * Reads the worker's settings once. Relative folders resolve against the folder the command was
 * typed in; a bad value is returned as a message naming the variable, for main to print.
 */
export function readWorkerEnv(
  source: Record<string, string | undefined> = process.env,
): ParsedEnv<WorkerEnv> {
  const parsed = parseEnv(WorkerEnvSchema, source);
  if (!parsed.ok) return parsed;
  const location = storeLocation(parsed.env);
  const exportDir =
    parsed.env.EXPORT_DIR === undefined
      ? join(location.dataDir, 'exports')
      : resolveSetting(parsed.env, parsed.env.EXPORT_DIR);
  return { ok: true, env: { ...parsed.env, ...location, exportDir } };
}
