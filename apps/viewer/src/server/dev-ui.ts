import type { RequestListener, Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { ClientAssets } from './http/client-assets.js';

/** How the browser files are served: the build (dist/client), or Vite's dev server in front of the pages. */
export interface ClientUi {
  /** What the pages link in dev; undefined: read the build's manifest. */
  assets: ClientAssets | undefined;
  handler: (app: RequestListener) => RequestListener;
  close: () => Promise<void>;
}

// In dev the pages link the sources; Vite compiles them on request and hot-swaps each change.
const DEV_ASSETS: ClientAssets = {
  script: '/src/client/main.ts',
  css: ['/src/client/styles/index.css'],
  dir: undefined,
};

/** Production: the app alone. Dev: Vite first (loaded only then: a devDependency). */
export async function clientUi(server: Server, dev: boolean): Promise<ClientUi> {
  if (!dev) return { assets: undefined, handler: (app) => app, close: () => Promise.resolve() };
  const { withVite } = await import('@leshan/dev-server');
  // Dev runs from source (tsx), so the config is two folders up from src/server/.
  const vite = await withVite({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    server,
    appType: 'custom',
  });
  return { assets: DEV_ASSETS, ...vite };
}
