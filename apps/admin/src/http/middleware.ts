import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { ApiError } from '@leshan/http-kit';

/** Security headers and a strict CSP: the admin UI loads only its own scripts and styles. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** Structured request logs with a request id; cookies, CSRF tokens and bodies are never logged. */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    customLogLevel: (_req, res, err) =>
      err !== undefined || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : 'info',
  });
}

/** State-changing requests must be JSON: a cross-site HTML form cannot send it without CORS. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const changes = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
  const hasBody =
    req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  if (
    changes &&
    (hasBody || req.headers['transfer-encoding'] !== undefined) &&
    !req.is('application/json')
  ) {
    next(
      new ApiError(
        415,
        'unsupported-media-type',
        '请求内容必须是 JSON（Content-Type: application/json）',
      ),
    );
    return;
  }
  next();
};
