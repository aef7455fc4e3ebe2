import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Answer } from '@leshan/http-kit';
import { sendAnswer as sendAsIs } from '@leshan/http-kit/express';

/** Caching policies: `latest` answers change when an edition is published; `immutable` never do. */
export const CACHE = {
  latest: 'public, max-age=0, must-revalidate',
  immutable: 'public, max-age=31536000, immutable',
  short: 'public, max-age=300',
  none: 'no-store',
} as const;
export type CachePolicy = keyof typeof CACHE;

/** A strong ETag from the content: the same bytes always give the same tag. */
export function etagFor(body: Uint8Array | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"; * matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

export interface Body {
  bytes: Buffer;
  etag: string;
  type: string;
}

export function makeBody(content: string | Uint8Array, type: string): Body {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { bytes, etag: etagFor(bytes), type };
}

/** Sends a body with its ETag and Cache-Control, or 304 when the client already has it. */
export function sendBody(
  req: Request,
  res: Response,
  body: Body,
  policy: CachePolicy,
  status = 200,
): void {
  res.setHeader('ETag', body.etag);
  res.setHeader('Cache-Control', CACHE[policy]);
  res.setHeader('Vary', 'Accept-Encoding');
  if (status === 200 && matchesIfNoneMatch(req.get('if-none-match'), body.etag)) {
    res.status(304).end();
    return;
  }
  res.status(status).type(body.type).send(body.bytes);
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

/**
 * How the read API sends a route's answer: a strong ETag (the reply's own, or one from the JSON
 * bytes) and 304 when the client already has it; Cache-Control comes with the reply.
 */
export function sendAnswer(req: Request, res: Response, answer: Answer): void {
  const etag = answer.headers.ETag ?? (answer.kind === 'json' ? etagFor(answer.json) : undefined);
  if (etag !== undefined) res.setHeader('ETag', etag);
  if (answer.kind === 'json') res.setHeader('Vary', 'Accept-Encoding');
  if (
    answer.status === 200 &&
    etag !== undefined &&
    matchesIfNoneMatch(req.get('if-none-match'), etag)
  ) {
    const cacheControl = answer.headers['Cache-Control'];
    if (cacheControl !== undefined) res.setHeader('Cache-Control', cacheControl);
    res.status(304).end();
    return;
  }
  sendAsIs(req, res, answer);
}
