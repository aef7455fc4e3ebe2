import type { RequestListener, Server } from 'node:http';
import { fileURLToPath } from 'node:url';

/** How the editing UI under /admin is served: built files, or Vite's dev server in front of the API. */
export interface WebUi {
  dev: boolean;
  handler: (app: RequestListener) => RequestListener;
  close: () => Promise<void>;
}

/** Production: the app alone (it serves dist/web). Dev: Vite first (loaded only then: a devDependency). */
export async function webUi(server: Server, dev: boolean): Promise<WebUi> {
  if (!dev) return { dev, handler: (app) => app, close: () => Promise.resolve() };
  const { withVite } = await import('@leshan/dev-server');
  const vite = await withVite({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    server,
    appType: 'spa',
  });
  return { dev, ...vite };
}
