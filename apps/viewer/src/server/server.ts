import type { RequestListener } from 'node:http';
import express from 'express';
import { errorHandler } from '@leshan/http-kit/express';
import { createApiRouter } from './api/api-routes.js';
import type { ServerDeps } from './deps.js';
import { createFeedRouter } from './feeds/feed-routes.js';
import { SearchFiltersSchema } from './api/search-schemas.js';
import { IndicatorQuerySchema, MeasureQuerySchema } from '@leshan/report-views';
import { AnswerCache } from './http/answer-cache.js';
import { BodyCache } from './http/body-cache.js';
import type { DeclaredQuery } from './http/query-keys.js';
import { QueryKeys } from './http/query-keys.js';
import { serveAssets } from './http/assets.js';
import { openCors, securityHeaders } from './http/headers.js';
import { createFeedbackRouter } from './pages/feedback-routes.js';
import { createPageRouter } from './pages/page-routes.js';
import { PAGE_QUERY_KEYS } from './pages/page-meta.js';
import { createSiteFileRouter } from './pages/site-files.js';

/**
 * The query parameters each page reads (the API's routes declare theirs): the rest of a query
 * string does not make a new cache entry. A page that reads a parameter must be listed here.
 */
function pageQueries(): QueryKeys {
  // Any page keeps the parameters pages read in its links, and ?edition=N moves to /editions/N.
  const queries = new QueryKeys([...PAGE_QUERY_KEYS, 'edition']);
  const pages: [string, DeclaredQuery][] = [
    ['/search', SearchFiltersSchema],
    ['/targets', IndicatorQuerySchema],
    ['/measures', MeasureQuerySchema],
    ['/editions/diff', ['from', 'to']],
  ];
  for (const [path, query] of pages) {
    queries.declare(path, query);
    queries.declare(`/en${path}`, query);
  }
  return queries;
}

const answerCaches = new WeakMap<express.Express, AnswerCache>();

/**
 * The viewer as a node:http request listener: a cached answer is written before express sees
 * the request at all; anything else goes to the app.
 */
export function viewerListener(app: express.Express): RequestListener {
  const answers = answerCaches.get(app);
  return (req, res) => {
    if (answers?.serve(req, res) !== true) app(req, res);
  };
}

/**
 * The viewer: public pages (Chinese at /, English interface at /en), the read API at /api/v1
 * and Atom feeds at /feeds. Read-only but for one route: a citizen's feedback on a measure page
 * (POST /measures/:id/feedback, issue 19), stored for the editors' queue.
 */
export function createServer(deps: ServerDeps): express.Express {
  const app = express();
  const queries = pageQueries();
  const shared: ServerDeps = { ...deps, cache: deps.cache ?? new BodyCache(), queries };
  const answers = new AnswerCache(deps.source, queries);
  answerCaches.set(app, answers);
  app.disable('x-powered-by');
  // Repeated requests are answered from the answer cache before any routing (see viewerListener).
  app.use((req, res, next) => {
    if (!answers.serve(req, res)) next();
  });
  // ETags are strong and computed from the bytes by our own responders.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(securityHeaders());

  if (deps.assets?.dir !== undefined) app.use('/assets', serveAssets(`${deps.assets.dir}/assets`));
  app.use(createSiteFileRouter(shared));
  app.use('/api/v1', openCors, createApiRouter(shared, queries));
  app.use('/feeds', openCors, createFeedRouter(shared));
  app.use('/en', createFeedbackRouter(shared, 'en'));
  app.use('/', createFeedbackRouter(shared, 'zh'));
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
