import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer } from 'vite';
import { loosenCspOf } from './dev-csp.js';

export interface WithViteOptions {
  /** The app's vite.config.ts (its root, base and plugins, as for `vite build`). */
  configFile: string;
  /** The app's HTTP server: Vite's HMR WebSocket shares its port. */
  server: Server;
  /** spa: Vite serves index.html under its base (the admin); custom: the app renders pages (the viewer). */
  appType: 'spa' | 'custom';
}

export interface DevUi {
  /** Vite first for the URLs under its base, then the app's own handler. */
  handler: (app: RequestListener) => RequestListener;
  close: () => Promise<void>;
}

/** Vite's dev server in middleware mode in front of an app, for `pnpm dev`. */
export async function withVite(options: WithViteOptions): Promise<DevUi> {
  const vite = await createServer({
    configFile: options.configFile,
    appType: options.appType,
    server: { middlewareMode: true, ws: { server: options.server } },
    logLevel: 'warn',
    clearScreen: false,
  });
  const base = vite.config.base;
  return {
    handler: (app) => (req: IncomingMessage, res: ServerResponse) => {
      loosenCspOf(res);
      if (!(req.url ?? '/').startsWith(base)) {
        app(req, res);
        return;
      }
      vite.middlewares(req, res, () => app(req, res));
    },
    close: () => vite.close(),
  };
}
