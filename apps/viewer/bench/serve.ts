// A viewer over the sample editions or a store, or a bare node:http server returning fixed bytes, in its
// own process so the load generator does not share its event loop. Prints the port, then waits.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadClientAssets } from '../src/server/http/client-assets.js';
import { createServer, viewerListener } from '../src/server/server.js';
import { openStoreSource } from '../src/server/store-source.js';
import { sampleSource } from '../src/server/testing/sample-editions.js';

const [mode, bytesFile] = process.argv.slice(2);
if (mode === 'bare') {
  // The same bytes the viewer sends, with the same headers (security, CORS, caching, ETag), made
  // once: node:http's floor for this machine. 304 keeps all but Content-Type, as the viewer does.
  const spec = JSON.parse(readFileSync(bytesFile ?? '', 'utf8')) as {
    routes: Record<string, { body: string; headers: Record<string, string> }>;
  };
  const routes = new Map(
    Object.entries(spec.routes).map(([path, r]) => {
      const { 'content-type': _type, ...notModified } = r.headers;
      return [path, { ...r, notModified, bytes: Buffer.from(r.body, 'base64') }];
    }),
  );
  const server = createHttpServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === route.headers.etag) {
      res.writeHead(304, route.notModified).end();
      return;
    }
    res.writeHead(200, route.headers).end(route.bytes);
  });
  server.listen(0, '127.0.0.1', () =>
    process.stdout.write(`${(server.address() as AddressInfo).port}\n`),
  );
} else {
  // `store <file>`: the viewer over a SQLite store (read-only), as `pnpm start` runs it.
  const source =
    mode === 'store'
      ? await openStoreSource({ kind: 'sqlite', file: bytesFile ?? '' })
      : sampleSource();
  const app = createServer({
    source,
    assets: loadClientAssets(fileURLToPath(new URL('../dist/client/', import.meta.url))),
    siteUrl: 'http://127.0.0.1',
  });
  const server = createHttpServer(viewerListener(app));
  server.listen(0, '127.0.0.1', () =>
    process.stdout.write(`${(server.address() as AddressInfo).port}\n`),
  );
}
// Ends cleanly on SIGTERM, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
