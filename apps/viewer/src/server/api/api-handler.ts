import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Edition } from '../../schemas.js';
import type { ViewerSource } from '../source.js';
import { errorBody, invalidInput } from '../http/errors.js';
import { sendJson } from '../http/respond.js';

/** A handler's early answer: an error body with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ReturnType<typeof errorBody>,
  ) {
    super(body.error);
    this.name = 'ApiError';
  }
}

/** Parses path or query parameters with zod, or stops the request with a 400 in Chinese. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, invalidInput(where, result.error));
  return result.data;
}

export function notFound(what: string): ApiError {
  return new ApiError(404, errorBody(`未找到${what}`));
}

/** The edition a request names: `latest`, or an id, number or hash. */
export async function resolveEdition(
  source: ViewerSource,
  idOrHash: string | undefined,
): Promise<Edition> {
  const edition =
    idOrHash === undefined || idOrHash === 'latest'
      ? await source.latestEdition()
      : await source.getEdition(idOrHash);
  if (edition === undefined) {
    throw idOrHash === undefined || idOrHash === 'latest'
      ? new ApiError(404, errorBody('尚未发布任何版本'))
      : notFound(`版本“${idOrHash}”`);
  }
  return edition;
}

/** Async route with ApiError turned into its JSON answer (no-store, so errors are never cached). */
export function apiRoute(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof ApiError) sendJson(req, res, error.body, 'none', error.status);
      else next(error);
    }
  };
}
