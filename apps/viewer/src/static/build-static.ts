import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Artifact, Edition } from '../schemas.js';
import type { ClientAssets } from '../server/http/client-assets.js';
import { securityHeaderList } from '../server/http/headers.js';
import { createServer } from '../server/server.js';
import type { ViewerSource } from '../server/source.js';
import { fileForUrl, staticUrls } from './static-urls.js';

export interface StaticBuildOptions {
  source: ViewerSource;
  assets: ClientAssets;
  siteUrl: string;
  outDir: string;
}

export interface StaticBuildResult {
  files: number;
  bytes: number;
  editionNumber: number;
}

/**
 * Headers for hosts that read a _headers file (Netlify, Cloudflare Pages): the server's policy,
 * with every security header the server sends (the same list, from helmet).
 */
function headersFile(): string {
  const all = securityHeaderList().map(([name, value]) => `  ${name}: ${value}`);
  return [
    '/*',
    ...all,
    '/assets/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/api/*',
    '  Access-Control-Allow-Origin: *',
    '/feeds/*',
    '  Access-Control-Allow-Origin: *',
    '',
  ].join('\n');
}

/**
 * Writes the whole site as static files: renders every URL through the real server (so the
 * files are byte for byte what the server answers), then copies the browser bundle.
 */
export async function buildStatic(options: StaticBuildOptions): Promise<StaticBuildResult> {
  const latest = await options.source.latestEdition();
  if (latest === undefined)
    throw new Error('静态构建失败：尚未发布任何版本 (nothing is published yet)');
  const editions = await options.source.listEditions();
  const artifacts = new Map<string, Artifact[]>();
  for (const e of editions) artifacts.set(e.id, await options.source.listArtifacts(e.id));
  // Past editions are readable too, at /editions/N/… with the banner linking to the latest.
  const past: Edition[] = [];
  for (const e of editions) {
    if (e.id === latest.id) continue;
    const edition = await options.source.getEdition(e.id);
    if (edition === undefined) throw new Error(`静态构建失败：读不到第 ${e.number} 版`);
    past.push(edition);
  }

  const app = createServer({
    source: options.source,
    assets: options.assets,
    siteUrl: options.siteUrl,
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await rm(options.outDir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const write = async (file: string, data: Uint8Array | string): Promise<void> => {
    const target = join(options.outDir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
    files += 1;
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  };
  try {
    for (const url of [...staticUrls(latest, editions, artifacts, past), '/404']) {
      const response = await fetch(`${base}${url}`);
      if (!response.ok && url !== '/404')
        throw new Error(`静态构建失败：${url} 返回 ${response.status}`);
      await write(
        url === '/404' ? '404.html' : fileForUrl(url),
        new Uint8Array(await response.arrayBuffer()),
      );
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await write('_headers', headersFile());
  if (options.assets.dir !== undefined)
    await cp(join(options.assets.dir, 'assets'), join(options.outDir, 'assets'), {
      recursive: true,
    });
  return { files, bytes, editionNumber: latest.number };
}
