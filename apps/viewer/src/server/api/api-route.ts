import type { z } from 'zod';
import { ApiError, notFound, PreparedJson, routesFor } from '@leshan/http-kit';
import type { Route } from '@leshan/http-kit';
import type { Edition } from '../../schemas.js';
import type { BodyCache } from '../http/body-cache.js';
import { CACHE, etagFor } from '../http/respond.js';
import type { CachePolicy } from '../http/respond.js';
import type { ViewerSource } from '../source.js';

/** The public API has no callers to tell apart: its handlers need nothing but their input. */
export type ViewerContext = object;
export type ViewerRoute = Route<ViewerContext, 'public'>;
/** `route({ method: 'get', path, operationId, … }).params(S).handle(fn)`: one read-API route. */
export const route = routesFor<ViewerContext, 'public'>();

/** JSON made once per edition hash, with its ETag. */
export interface CachedJson<T> {
  json: PreparedJson<T>;
  etag: string;
}

/** The Cache-Control header of a policy (the ETag is added when the answer is sent). */
export const cacheFor = (policy: CachePolicy): { 'Cache-Control': string } => ({
  'Cache-Control': CACHE[policy],
});

/** A reply of JSON text checked and tagged once per key (an edition's hash), then sent as made. */
export async function preparedReply<S extends z.ZodType>(options: {
  cache: BodyCache<CachedJson<z.output<S>>>;
  key: string;
  schema: S;
  text: () => string;
  policy: CachePolicy;
}) {
  const cached = await options.cache.get(options.key, () => {
    const json = PreparedJson.fromText(options.schema, options.text());
    return Promise.resolve({ json, etag: etagFor(json.json) });
  });
  return { prepared: cached.json, headers: { ...cacheFor(options.policy), ETag: cached.etag } };
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
      ? new ApiError(404, 'no-edition', '尚未发布任何版本')
      : notFound(`版本“${idOrHash}”`);
  }
  return edition;
}
