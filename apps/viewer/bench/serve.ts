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
  // The same bytes the viewer sends, with the same ETag: node:http's floor for this machine.
  const spec = JSON.parse(readFileSync(bytesFile ?? '', 'utf8')) as {
    routes: Record<string, { body: string; etag: string; type: string }>;
  };
  const routes = new Map(
    Object.entries(spec.routes).map(([path, r]) => [
      path,
      { ...r, bytes: Buffer.from(r.body, 'base64') },
    ]),
  );
  const server = createHttpServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, { ETag: route.etag }).end();
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': route.type,
        'Content-Length': route.bytes.length,
        ETag: route.etag,
      })
      .end(route.bytes);
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
