import { Readable } from 'node:stream';
import type { ErrorRequestHandler, Request, RequestHandler, Response, Router } from 'express';
import { toApiError } from './api-error.js';
import type { ApiError } from './api-error.js';
import type { Answer, Route, RouteMeta } from './route.js';

export interface ExpressMount<Ctx, A extends string> {
  /** The handler's context for one request; throw an ApiError to refuse the caller before any input is read. */
  context: (req: Request, res: Response, route: RouteMeta<A>) => Ctx;
  /** Writes an answer (to add ETags, say); `sendAnswer` when absent. */
  send?: (req: Request, res: Response, answer: Answer) => void;
}

/** Mounts each route: context (and refusal) first, then input parsing, the handler and its checked answer. */
export function mountRoutes<Ctx, A extends string>(
  router: Router,
  routes: readonly Route<Ctx, A>[],
  mount: ExpressMount<Ctx, A>,
): void {
  const send = mount.send ?? sendAnswer;
  for (const route of routes) {
    router[route.method](route.path, (req, res, next) => {
      void (async () => {
        const ctx = mount.context(req, res, route);
        const body: unknown = req.body;
        const answer = await route.run({ params: req.params, query: req.query, body }, ctx);
        send(req, res, answer);
      })().catch(next);
    });
  }
}

/** Writes an answer as it is: its status and headers, then the JSON or the file. */
export function sendAnswer(req: Request, res: Response, answer: Answer): void {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.status(answer.status);
  if (answer.kind === 'json') {
    res.type('application/json; charset=utf-8').send(answer.json);
    return;
  }
  if (answer.attachment !== undefined) res.attachment(answer.attachment);
  res.setHeader('Content-Type', answer.mediaType);
  const { content } = answer;
  if (req.method === 'HEAD') {
    if (content instanceof Readable) content.destroy();
    res.end();
    return;
  }
  if (content instanceof Uint8Array) {
    res.end(content);
    return;
  }
  (content instanceof Readable ? content : Readable.from(content)).pipe(res);
}

/**
 * The last handler of an app: every error becomes `{ error, code, issues }` with its status and
 * `Cache-Control: no-store`; an internal one (5xx) is reported, its details never sent.
 */
export function errorHandler(
  onInternal: (error: ApiError, req: Request) => void,
): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    const error = toApiError(thrown);
    if (error.status >= 500) onInternal(error, req);
    sendError(res, error);
  };
}

/** Answers an error from a handler of its own (a feed, a method the API refuses). */
export function sendError(res: Response, error: ApiError): void {
  res.status(error.status).setHeader('Cache-Control', 'no-store');
  res.json(error.toBody());
}

/**
 * The headers a middleware sets on a request that carries none (helmet, say), as lower-case name
 * and value, asked of it once. Only for a middleware whose headers depend on nothing in the
 * request (no nonce) and which finishes synchronously: anything else throws.
 */
export function recordedHeaders(
  middleware: RequestHandler,
): readonly (readonly [string, string])[] {
  const set = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void set.delete(name.toLowerCase()),
    getHeader: (name: string) => set.get(name.toLowerCase()),
  };
  let done = false;
  void middleware(
    { method: 'GET', headers: {} } as Request,
    recorder as unknown as Response,
    () => (done = true),
  );
  if (!done) throw new Error('recordedHeaders: the middleware did not finish synchronously');
  return [...set];
}

/**
 * A middleware sending the headers `middleware` sets (recordedHeaders), computed once for the
 * app's life, and no X-Powered-By: the same headers without running it per request.
 */
export function fixedHeaders(middleware: RequestHandler): RequestHandler {
  const list = recordedHeaders(middleware);
  return (_req, res, next) => {
    for (const [name, value] of list) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}
