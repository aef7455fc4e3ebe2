import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadClientAssets } from '../src/server/http/client-assets.js';
import { createServer } from '../src/server/server.js';
import { sampleSource } from '../src/server/testing/sample-editions.js';
import type { ViewerSource } from '../src/server/source.js';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));
const CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

/** Every page of the site, as people reach it (edition 2 of the sample editions is the latest). */
export const PAGES: readonly { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'chapter-1', path: '/chapters/1' },
  { name: 'chapter-6', path: '/chapters/6' },
  { name: 'measure-38', path: '/measures/m38' },
  { name: 'targets', path: '/targets' },
  { name: 'search', path: '/search?q=光伏' },
  { name: 'places', path: '/places' },
  { name: 'measures', path: '/measures' },
  { name: 'measures-completed', path: '/measures?status=completed' },
  { name: 'place-wutongqiao', path: '/places/wutongqiao' },
  { name: 'downloads', path: '/downloads' },
  { name: 'editions', path: '/editions' },
  { name: 'diff', path: '/editions/diff/1/2' },
  { name: 'edition-1-chapter-2', path: '/editions/1/chapters/2' },
  { name: 'source', path: '/source' },
  { name: 'print', path: '/print' },
  { name: 'home-en', path: '/en/' },
  { name: 'targets-en', path: '/en/targets' },
  { name: 'not-found', path: '/no-such-page' },
];

export interface Viewer {
  baseUrl: string;
  close(): Promise<void>;
}

/** The viewer over the sample editions (or `source`), with the built browser bundle, on a free local port. */
export async function startViewer(source: ViewerSource = sampleSource()): Promise<Viewer> {
  if (!existsSync(`${CLIENT_DIR}.vite/manifest.json`))
    throw new Error('e2e: run `vite build` first (pnpm test:e2e does)');
  const app = createServer({
    source,
    assets: loadClientAssets(CLIENT_DIR),
    siteUrl: 'http://127.0.0.1',
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function ensureScreenshotDir(): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}
