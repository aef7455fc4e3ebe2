import type { Request, Response } from 'express';
import type { Answer } from '@leshan/http-kit';
import { sendAnswer as sendAsIs } from '@leshan/http-kit/express';
import { fillAnswerSlot } from './answer-cache.js';
import type { Body, Variant } from './body.js';
import {
  internedBody,
  makeBody,
  matchesIfNoneMatch,
  pickCoding,
  variantHeaders,
  variantOf,
} from './body.js';

export type { Body } from './body.js';
export { etagFor, makeBody, matchesIfNoneMatch } from './body.js';

/** Caching policies: `latest` answers change when an edition is published; `immutable` never do. */
export const CACHE = {
  latest: 'public, max-age=0, must-revalidate',
  immutable: 'public, max-age=31536000, immutable',
  short: 'public, max-age=300',
  none: 'no-store',
} as const;
export type CachePolicy = keyof typeof CACHE;

function sendVariant(req: Request, res: Response, variant: Variant, status: number): void {
  if (status === 200 && matchesIfNoneMatch(req.get('if-none-match'), variant.etag)) {
    res.removeHeader('Content-Type');
    res.setHeader('ETag', variant.etag);
    res.status(304).end();
    return;
  }
  for (const [name, value] of Object.entries(variantHeaders(variant))) res.setHeader(name, value);
  res.status(status);
  if (req.method === 'HEAD') res.end();
  else res.end(variant.bytes);
}

/**
 * Sends a body compressed as the client accepts (Vary: Accept-Encoding, an ETag per encoding),
 * or 304 when the client already has it. A cacheable 200 is also kept in the answer cache (see
 * answer-cache.ts), which serves the next identical request without routing or rendering.
 */
function sendPrepared(
  req: Request,
  res: Response,
  body: Body,
  cacheControl: string,
  status: number,
): void {
  res.setHeader('Cache-Control', cacheControl);
  // A page carries the reader's text size, chosen by a cookie (issue 19): shared caches keep
  // one copy per cookie.
  res.setHeader(
    'Vary',
    body.type.startsWith('text/html') ? 'Accept-Encoding, Cookie' : 'Accept-Encoding',
  );
  res.setHeader('Content-Type', body.type);
  if (status === 200 && cacheControl !== CACHE.none) fillAnswerSlot(res, body);
  const variant = variantOf(body, pickCoding(req.get('accept-encoding')));
  if (variant instanceof Promise) void variant.then((v) => sendVariant(req, res, v, status));
  else sendVariant(req, res, variant, status);
}

/** Sends a body with its ETag and Cache-Control, or 304 when the client already has it. */
export function sendBody(
  req: Request,
  res: Response,
  body: Body,
  policy: CachePolicy,
  status = 200,
): void {
  sendPrepared(req, res, body, CACHE[policy], status);
}

export function sendJson(
  req: Request,
  res: Response,
  value: unknown,
  policy: CachePolicy,
  status = 200,
): void {
  sendBody(
    req,
    res,
    makeBody(JSON.stringify(value), 'application/json; charset=utf-8'),
    policy,
    status,
  );
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * How the read API sends a route's answer: JSON as a body (strong ETag, the reply's own or one
 * from the bytes; compressed; 304 when the client has it); files as they are.
 */
export function sendAnswer(req: Request, res: Response, answer: Answer): void {
  if (answer.kind !== 'json') {
    sendAsIs(req, res, answer);
    return;
  }
  const { ETag: etag, 'Cache-Control': cacheControl, ...others } = answer.headers;
  for (const [name, value] of Object.entries(others)) res.setHeader(name, value);
  const body =
    etag === undefined
      ? makeBody(answer.json, JSON_TYPE)
      : internedBody(answer.json, JSON_TYPE, etag);
  sendPrepared(req, res, body, cacheControl ?? CACHE.none, answer.status);
}
