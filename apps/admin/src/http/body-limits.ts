import type { IncomingMessage } from 'node:http';
import express from 'express';
import type { Request, RequestHandler } from 'express';
import { ApiError } from '@leshan/http-kit';
import { verifyUtf8 } from './text-safety.js';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of `{` and `[` outside strings, in one pass over the raw bytes. */
export function jsonDepth(buffer: Uint8Array, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i += 1) {
    const byte = buffer[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
  }
  return deepest;
}

/**
 * The JSON body parser (issue 15): before sign-in only a small body is read (its size checked
 * against Content-Length before a byte is read, and again while reading), and on every route the
 * nesting is limited before JSON.parse sees the text. Mounted after the session is loaded, so a
 * signed-in caller is known before a large body is parsed.
 */
export function jsonBody(options: {
  signedIn: (req: Request) => boolean;
  limit: string;
  publicLimit: string;
  maxDepth: number;
}): RequestHandler {
  const verify = (req: IncomingMessage, res: unknown, buffer: Buffer): void => {
    verifyUtf8(req, res, buffer);
    if (jsonDepth(buffer, options.maxDepth) > options.maxDepth)
      throw new ApiError(
        400,
        'too-deep',
        `请求内容的嵌套超过 ${options.maxDepth} 层，请简化后重试`,
      );
  };
  const parse = (limit: string) => express.json({ limit, strict: true, verify });
  const signedIn = parse(options.limit);
  const anonymous = parse(options.publicLimit);
  return (req, res, next) => {
    const parser = options.signedIn(req) ? signedIn : anonymous;
    parser(req, res, (error?: unknown) => {
      if (isTooLarge(error) && !options.signedIn(req)) {
        next(
          new ApiError(
            413,
            'payload-too-large',
            `登录前的请求内容不能超过 ${options.publicLimit}，请先登录`,
          ),
        );
        return;
      }
      next(error);
    });
  };
}

function isTooLarge(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    error.type === 'entity.too.large'
  );
}
