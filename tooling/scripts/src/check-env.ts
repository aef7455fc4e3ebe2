import { readAdminEnv } from 'admin/env';
import type { AdminEnv } from 'admin/env';
import { readWorkerEnv } from 'export-worker/env';
import type { WorkerEnv } from 'export-worker/env';
import { readViewerEnv } from 'viewer/env';
import type { ViewerEnv } from 'viewer/env';

export interface Settings {
  admin: AdminEnv;
  viewer: ViewerEnv;
  worker: WorkerEnv;
}

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; problems: string[] };

const attempt = <T>(read: () => T): { value: T } | { error: string } => {
  try {
    return { value: read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};

/**
 * Checks the settings of all three processes at once, before any starts: the same zod readers
 * each process runs at its own start (admin/env, viewer/env, export-worker/env). Every bad
 * variable is named, by process.
 */
export function checkSettings(env: Record<string, string | undefined>): SettingsCheck {
  const admin = attempt(() => readAdminEnv(env));
  const viewer = attempt(() => readViewerEnv(env));
  const worker = attempt(() => {
    const read = readWorkerEnv(env);
    if (!read.ok) throw new Error(read.message);
    return read.env;
  });
  if ('value' in admin && 'value' in viewer && 'value' in worker) {
    return {
      ok: true,
      settings: { admin: admin.value, viewer: viewer.value, worker: worker.value },
    };
  }
  const problems: string[] = [];
  if ('error' in admin) problems.push(`admin: ${admin.error}`);
  if ('error' in viewer) problems.push(`viewer: ${viewer.error}`);
  if ('error' in worker) problems.push(`worker: ${worker.error}`);
  return { ok: false, problems };
}
