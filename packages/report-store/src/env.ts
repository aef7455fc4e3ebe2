import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The store's settings, as environment variables. Each app's env.ts extends this schema
 * (`StoreEnvSchema.extend({…})`), so the three processes read these three names one way.
 */
export const StoreEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: '必须是 postgres:// 或 postgresql:// 开头的连接串' })
    .optional()
    .describe(
      'PostgreSQL connection string; when set, the store uses PostgreSQL instead of SQLite.',
    ),
  DATA_DIR: z
    .string()
    .min(1)
    .default('data')
    .describe('Data folder: the SQLite file and the exports (default: ./data).'),
  SQLITE_FILE: z
    .string()
    .min(1)
    .default('leshan.db')
    .describe('SQLite file, relative to DATA_DIR (default: $DATA_DIR/leshan.db).'),
  // pnpm runs a package's script in the package folder; INIT_CWD is where the command was typed.
  INIT_CWD: z
    .string()
    .min(1)
    .optional()
    .describe('Set by pnpm: the folder the command was typed in.'),
});
export type StoreEnv = z.infer<typeof StoreEnvSchema>;

/** Where the store keeps its data, as absolute paths; spread into openStore(). */
export interface StoreLocation {
  databaseUrl: string | undefined;
  dataDir: string;
  sqliteFile: string;
}

/**
 * The folder relative paths in settings resolve against: where the command was typed (INIT_CWD
 * under pnpm), else the working directory. Nothing here knows a repository's layout.
 */
export function settingsBase(env: Pick<StoreEnv, 'INIT_CWD'>): string {
  return env.INIT_CWD ?? process.cwd();
}

/** Resolves a folder or file setting against the settings base (absolute paths stay as they are). */
export function resolveSetting(env: Pick<StoreEnv, 'INIT_CWD'>, path: string): string {
  return isAbsolute(path) ? path : resolve(settingsBase(env), path);
}

/** The store's location from parsed settings. */
export function storeLocation(env: StoreEnv): StoreLocation {
  const dataDir = resolveSetting(env, env.DATA_DIR);
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sqliteFile: resolve(dataDir, env.SQLITE_FILE),
  };
}

export type ParsedEnv<T> = { ok: true; env: T } | { ok: false; message: string };

/** Parses settings with a schema; a bad value gives one message naming every bad variable. */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): ParsedEnv<z.output<S>> {
  const result = schema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  return {
    ok: false,
    message: `环境变量设置有误 (invalid environment settings):\n${lines.join('\n')}`,
  };
}

/** Reads the store's own settings; throws with the message naming the bad variables. */
export function readStoreEnv(
  source: Record<string, string | undefined> = process.env,
): StoreEnv & StoreLocation {
  const parsed = parseEnv(StoreEnvSchema, source);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.env, ...storeLocation(parsed.env) };
}

/**
 * Where a test may have a process die (issue 12): inside the publishing transaction, after the
 * edition's INSERT and before its export jobs' (`publish:after-edition`), or after both, before
 * COMMIT (`publish:before-commit`).
 */
export const FAULT_POINTS = ['publish:after-edition', 'publish:before-commit'] as const;

/** Test-only settings: the crash points armed (see store/fault-point.ts). Unset in production. */
export const FaultEnvSchema = z.object({
  LESHAN_FAULT: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').filter((p) => p !== ''))
    .pipe(z.array(z.enum(FAULT_POINTS)))
    .describe(
      'Tests only: fault points where the process kills itself (SIGKILL), comma-separated.',
    ),
  LESHAN_FAULT_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('Tests only: a fault point fires only while this file exists, and removes it.'),
});

/** The armed fault points; throws naming the bad value when LESHAN_FAULT names an unknown one. */
export function readFaultEnv(
  source: Record<string, string | undefined> = process.env,
): z.output<typeof FaultEnvSchema> {
  const parsed = parseEnv(FaultEnvSchema, source);
  if (!parsed.ok) throw new Error(`${parsed.message}\n  (one of ${FAULT_POINTS.join(', ')})`);
  return parsed.env;
}
