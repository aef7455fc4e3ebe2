import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { Express } from 'express';
import type { AdminDeps } from './deps.js';
import { loadPrincipal, principalOf } from './auth/principal.js';
import { ApiError } from '@leshan/http-kit';
import { errorHandler, mountRoutes } from '@leshan/http-kit/express';
import { requestIdOf, requestLogger, requireJson, securityHeaders } from './http/middleware.js';
import { adminOpenApi } from './http/openapi.js';
import { jsonBody } from './http/body-limits.js';
import { rejectUnsafeText } from './http/text-safety.js';
import { adminContext } from './http/route.js';
import type { AdminRoute } from './http/route.js';
import { draftRoutes } from './routes/draft.routes.js';
import { draftEvents } from './live/draft-events.js';
import { editionRoutes } from './routes/editions.routes.js';
import { importRoutes } from './routes/import.routes.js';
import { sheetRoutes } from './routes/sheet.routes.js';
import { revisionRoutes } from './routes/revisions.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { submissionRoutes } from './routes/submissions.routes.js';
import { feedbackRoutes } from './routes/feedback.routes.js';

export function adminRoutes(deps: AdminDeps): AdminRoute[] {
  return [
    ...sessionRoutes(deps),
    ...draftRoutes(deps),
    ...revisionRoutes(deps),
    ...importRoutes(deps),
    ...sheetRoutes(deps),
    ...editionRoutes(deps),
    ...userRoutes(deps),
    ...submissionRoutes(deps),
    ...feedbackRoutes(deps),
  ];
}

/** The admin app without a port: tests call it through supertest, index.ts listens. */
export function createServer(deps: AdminDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy ? 1 : false);
  app.use(requestLogger(deps.logger));
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', (_req, res, next) => {
    deps.store
      .ping()
      .then((up) => res.status(up ? 200 : 503).json({ ok: up, engine: deps.store.engine }))
      .catch(next);
  });

  const routes = adminRoutes(deps);
  const openapi = adminOpenApi(routes);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  const api = express.Router();
  api.use(requireJson);
  // The session first (a cookie, no body): only a signed-in caller may send a large body.
  api.use(loadPrincipal(deps.store));
  api.use(
    jsonBody({
      signedIn: (req) => principalOf(req) !== undefined,
      limit: deps.config.bodyLimit,
      publicLimit: deps.config.publicBodyLimit,
      maxDepth: deps.config.maxJsonDepth,
    }),
  );
  api.use(rejectUnsafeText);
  api.get('/api/draft/events', draftEvents(deps.store));
  mountRoutes(api, routes, { context: adminContext(principalOf) });
  api.use('/api', (_req, _res, next) => {
    next(new ApiError(404, 'not-found', '没有这个接口'));
  });
  app.use(api);

  const webDir = deps.config.webDir;
  if (webDir !== undefined && existsSync(join(webDir, 'index.html'))) {
    app.use('/admin', express.static(webDir, { index: false, maxAge: '1h', immutable: false }));
    app.get(/^\/admin(\/.*)?$/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDir, 'index.html'));
    });
  }
  app.get('/', (_req, res) => {
    res.redirect(302, '/admin/');
  });

  app.use(
    errorHandler((error, req) => {
      deps.logger.error({ err: error.cause, reqId: requestIdOf(req) }, 'unhandled error');
    }),
  );
  return app;
}
