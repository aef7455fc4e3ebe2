import { readFileSync } from 'node:fs';
import express from 'express';
import type { RequestHandler } from 'express';
import { etagFor } from './respond.js';

/**
 * The built browser files: immutable (their names carry a content hash) with a strong ETag from
 * their bytes, replacing serve-static's weak size-and-date tag. Unknown files are a plain 404.
 */
export function serveAssets(dir: string): RequestHandler {
  const etags = new Map<string, string>();
  return express.static(dir, {
    immutable: true,
    maxAge: '1y',
    index: false,
    fallthrough: false,
    setHeaders: (res, path) => {
      let etag = etags.get(path);
      if (etag === undefined) {
        etag = etagFor(readFileSync(path));
        etags.set(path, etag);
      }
      res.setHeader('ETag', etag);
    },
  });
}
