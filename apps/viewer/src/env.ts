import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv, resolveSetting, StoreEnvSchema, storeLocation } from '@leshan/report-store/env';
import type { StoreLocation } from '@leshan/report-store/env';

// Folders of the viewer itself, from this file: src/env.ts and its build (dist/*.js) sit one
// level below the app's folder, so the same relative URL works from both.
const appFolder = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The viewer's settings: the store's (DATABASE_URL, DATA_DIR, SQLITE_FILE) and its own. */
export const ViewerEnvSchema = StoreEnvSchema.extend({
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
  SITE_URL: z
    .url({ error: '必须是完整网址，例如 https://report.example.cn' })
    .default('http://127.0.0.1:4200')
    .describe(
      'Public address of the site: canonical links, Open Graph tags, sitemap.xml and feeds.',
    ),
  STATIC_OUT_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Where build:static writes the site (default: apps/viewer/static).'),
});

export type ViewerEnv = z.infer<typeof ViewerEnvSchema> &
  StoreLocation & {
    clientDir: string;
    staticOutDir: string;
  };

/** Reads the settings once; a bad value stops the start with a message naming the variable. */
export function readViewerEnv(source: Record<string, string | undefined> = process.env): ViewerEnv {
  const parsed = parseEnv(ViewerEnvSchema, source);
  if (!parsed.ok) throw new Error(parsed.message);
  const env = parsed.env;
  return {
    ...env,
    ...storeLocation(env),
    clientDir: appFolder('dist/client'),
    staticOutDir:
      env.STATIC_OUT_DIR === undefined
        ? appFolder('static')
        : resolveSetting(env, env.STATIC_OUT_DIR),
  };
}
