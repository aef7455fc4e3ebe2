import express from 'express';
import { errorHandler } from '@leshan/http-kit/express';
import { createApiRouter } from './api/api-routes.js';
import type { ServerDeps } from './deps.js';
import { createFeedRouter } from './feeds/feed-routes.js';
import { BodyCache } from './http/body-cache.js';
import { serveAssets } from './http/assets.js';
import { openCors, securityHeaders } from './http/headers.js';
import { createPageRouter } from './pages/page-routes.js';
import { createSiteFileRouter } from './pages/site-files.js';

/**
 * The viewer: public pages (Chinese at /, English interface at /en), the read API at /api/v1
 * and Atom feeds at /feeds. Read-only: it has no route that writes.
 */
export function createServer(deps: ServerDeps): express.Express {
  const app = express();
  const shared: ServerDeps = { ...deps, cache: deps.cache ?? new BodyCache() };
  app.disable('x-powered-by');
  // ETags are strong and computed from the bytes by our own responders.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(securityHeaders());

  if (deps.assets?.dir !== undefined) app.use('/assets', serveAssets(`${deps.assets.dir}/assets`));
  app.use(createSiteFileRouter(shared));
  app.use('/api/v1', openCors, createApiRouter(shared));
  app.use('/feeds', openCors, createFeedRouter(shared));
  app.use('/en', createPageRouter(shared, 'en'));
  app.use('/', createPageRouter(shared, 'zh'));

  app.use(
    errorHandler((error, req) => {
      const cause = error.cause;
      process.stderr.write(
        `viewer: ${req.method} ${req.originalUrl}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
      );
    }),
  );
  return app;
}
