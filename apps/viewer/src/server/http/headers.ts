import helmet from 'helmet';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from '@leshan/http-kit';
import { fixedHeaders, recordedHeaders, sendError } from '@leshan/http-kit/express';

/**
 * Security headers with a strict CSP: scripts and styles only from this origin (no inline code;
 * hydration data travels as JSON in <script type="application/json">), no frames, no plugins.
 */
export function helmetHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'none'"],
        manifestSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // The API and feeds are meant to be read by other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/**
 * The headers helmet sets, as name and value, asked of it once: they depend on nothing in the
 * request (no nonce), so every answer gets the same list without helmet running per request.
 */
export function securityHeaderList(): readonly (readonly [string, string])[] {
  return recordedHeaders(helmetHeaders());
}

/** Sets the security headers (see securityHeaderList), computed once for the app's life. */
export function securityHeaders(): RequestHandler {
  return fixedHeaders(helmetHeaders());
}

const READ_METHODS = 'GET, HEAD, OPTIONS';

/** Open CORS for reads: any origin may GET the API and feeds; other methods are refused. */
export function openCors(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Length, Content-Disposition');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', READ_METHODS);
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, Content-Type, Accept');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.setHeader('Allow', READ_METHODS);
    res.status(204).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', READ_METHODS);
    sendError(
      res,
      new ApiError(405, 'method-not-allowed', '公开接口只读，仅支持 GET、HEAD 和 OPTIONS 请求'),
    );
    return;
  }
  next();
}
