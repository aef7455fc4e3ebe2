import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileForUrl } from '../src/static/static-urls.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.atom': 'application/atom+xml',
};

export interface StaticHost {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * What a plain static host does with the built folder: a path is a file (folder/index.html for
 * pages), the query string is ignored, anything else is 404.html. No server code runs.
 */
export async function serveFolder(dir: string): Promise<StaticHost> {
  const server = createServer((req, res) => {
    const file = normalize(join(dir, fileForUrl(req.url ?? '/')));
    const send = (status: number, path: string): Promise<void> =>
      readFile(path).then((bytes) => {
        res.writeHead(status, {
          'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        });
        res.end(bytes);
      });
    const inside = file.startsWith(normalize(dir));
    (inside ? send(200, file) : Promise.reject(new Error('outside')))
      .catch(() => send(404, join(dir, '404.html')))
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
