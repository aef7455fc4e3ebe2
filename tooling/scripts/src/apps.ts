import { createRequire } from 'node:module';
import { join } from 'node:path';

export type AppName = 'admin' | 'viewer' | 'worker';

/** How a process is started: node with these arguments, in the app's folder. */
export interface Command {
  dir: string;
  args: string[];
}

interface App {
  dir: string;
  /** The build `pnpm start` runs (each app's own `start` script). */
  built: string;
  /** The source `pnpm dev` runs, and the flag that puts its UI through Vite. */
  source: string;
  devFlag: string[];
}

const APPS: Record<AppName, App> = {
  admin: { dir: 'apps/admin', built: 'dist/index.js', source: 'src/index.ts', devFlag: ['--dev'] },
  viewer: {
    dir: 'apps/viewer',
    built: 'dist/server.js',
    source: 'src/server/index.ts',
    devFlag: ['--dev'],
  },
  worker: { dir: 'apps/export-worker', built: 'dist/main.js', source: 'src/main.ts', devFlag: [] },
};

/**
 * The command of one process. Dev: `tsx watch` restarts it when a file it imports changes,
 * report-core's and the store's sources included (read through the @leshan/source condition).
 */
export function commandFor(name: AppName, repoRoot: string, dev: boolean): Command {
  const app = APPS[name];
  const dir = join(repoRoot, app.dir);
  if (!dev) return { dir, args: [app.built] };
  // tsx is a devDependency, resolved only in dev mode.
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return {
    dir,
    args: [
      tsx,
      'watch',
      '--clear-screen=false',
      '--conditions=@leshan/source',
      app.source,
      ...app.devFlag,
    ],
  };
}
