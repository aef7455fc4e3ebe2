import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The monorepo root (where pnpm-workspace.yaml is), so `data/` is the folder every app shares. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const ViewerEnvSchema = z.object({
  VIEWER_HOST: z.string().min(1).default('127.0.0.1').describe('Interface the viewer listens on.'),
  VIEWER_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(4200)
    .describe('Port of the viewer.'),
  VIEWER_SOURCE: z
    .enum(['store', 'memory'])
    .default('store')
    .describe(
      'store: published editions from @leshan/report-store; memory: the canonical report as edition 1.',
    ),
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
    .describe('PostgreSQL connection string; when set, editions are read from PostgreSQL.'),
  SITE_URL: z
    .url({ error: '必须是完整网址，例如 https://report.example.cn' })
    .default('http://127.0.0.1:4200')
    .describe('Public address of the site, used for absolute links in feeds.'),
  STATIC_OUT_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Where build:static writes the site (default: apps/viewer/static).'),
});

export type ViewerEnv = z.infer<typeof ViewerEnvSchema> & {
  repoRoot: string;
  appRoot: string;
  sqliteFile: string;
  clientDir: string;
  staticOutDir: string;
};

/** Reads the settings once; a bad value stops the start with a message naming the variable. */
export function readViewerEnv(source: Record<string, string | undefined> = process.env): ViewerEnv {
  const result = ViewerEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量设置有误 (invalid environment settings):\n${lines.join('\n')}`);
  }
  const repoRoot = findRepoRoot();
  const appRoot = join(repoRoot, 'apps', 'viewer');
  const dataDir = resolve(repoRoot, result.data.DATA_DIR ?? 'data');
  return {
    ...result.data,
    repoRoot,
    appRoot,
    sqliteFile: resolve(dataDir, result.data.SQLITE_FILE ?? 'leshan.db'),
    clientDir: join(appRoot, 'dist', 'client'),
    staticOutDir: resolve(appRoot, result.data.STATIC_OUT_DIR ?? 'static'),
  };
}
