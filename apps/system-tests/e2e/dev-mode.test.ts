import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  groupAlive,
  isAlive,
  killLeftovers,
  removeDir,
  startSystem,
  tempDataDir,
} from '../src/system.js';
import type { RunningSystem } from '../src/system.js';
import { waitUntil } from '@leshan/testing/wait';

// `pnpm dev` from the repository root, on free ports and a temporary data folder: the three
// processes from their sources (tsx watch), both UIs through Vite's dev server, stopped with
// SIGINT to its process group (Ctrl-C). It edits nothing: a test run never writes a tracked file.

let dataDir: string;
let system: RunningSystem;

beforeAll(async () => {
  dataDir = tempDataDir();
  system = await startSystem({ dataDir, dev: true, timeoutMs: 110_000 });
});

afterAll(() => {
  killLeftovers();
  removeDir(dataDir);
});

const text = async (url: string, accept = '*/*'): Promise<{ status: number; body: string }> => {
  const res = await fetch(url, { headers: { accept } });
  return { status: res.status, body: await res.text() };
};

/**
 * Opens Vite's HMR WebSocket as its client in the page does (the token is in /@vite/client) and
 * resolves with the first message the dev server sends.
 */
async function hmrHello(origin: string, base: string): Promise<string> {
  const client = await text(`${origin}${base}@vite/client`);
  const token = /const wsToken = "([^"]+)"/.exec(client.body)?.[1] ?? '';
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${base}?token=${token}`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': 'vite-hmr',
      },
    });
    req.on('response', (res) => reject(new Error(`no upgrade: HTTP ${res.statusCode}`)));
    req.on('error', reject);
    req.on('upgrade', (_res, socket, head) => {
      // One unmasked text frame from the server, shorter than 126 bytes: {"type":"connected"}.
      // It may have come with the upgrade's response already (head).
      const read = (frame: Buffer): void => {
        socket.destroy();
        resolve(frame.subarray(2, 2 + ((frame[1] ?? 0) & 0x7f)).toString('utf8'));
      };
      if (head.length > 0) read(head);
      else socket.once('data', read);
    });
    req.end();
  });
}

describe('pnpm dev', () => {
  it('says it is in dev mode and starts the admin on an empty store as pnpm start does', () => {
    expect(system.output()).toContain('dev mode: reloads on change');
    expect(system.credentials).not.toBeNull();
    expect(system.output()).toContain(`${dataDir}/leshan.db`);
  });

  it('serves the admin UI through Vite: its index with the HMR client, the entry compiled on request', async () => {
    const index = await text(`${system.adminUrl}/admin/`, 'text/html');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<script type="module" src="/admin/@vite/client"></script>');
    expect(index.body).toContain('/admin/src/main.tsx');
    const client = await text(`${system.adminUrl}/admin/@vite/client`);
    expect(client.status).toBe(200);
    expect(client.body).toContain('[vite] connecting');
    // A component module, compiled with React Fast Refresh.
    const app = await text(`${system.adminUrl}/admin/src/app.tsx`);
    expect(app.status).toBe(200);
    expect(app.body).toContain('import.meta.hot');
    expect(JSON.parse(await hmrHello(system.adminUrl, '/admin/'))).toEqual({ type: 'connected' });
    // The API is the admin's own, behind Vite.
    expect((await text(`${system.adminUrl}/readyz`)).status).toBe(200);
    expect(
      (await fetch(`${system.adminUrl}/api/openapi.json`)).headers.get('content-type'),
    ).toMatch(/json/);
  });

  it('renders the viewer’s pages on the server, linking the sources Vite serves and hot-swaps', async () => {
    const search = await text(`${system.viewerUrl}/search`, 'text/html');
    expect(search.status).toBe(200);
    expect(search.body).toContain('乐山');
    expect(search.body).toContain('<script type="module" src="/src/client/main.ts"></script>');
    expect(search.body).toContain('<link rel="stylesheet" href="/src/client/styles/index.css">');
    const client = await text(`${system.viewerUrl}/@vite/client`);
    expect(client.status).toBe(200);
    expect(client.body).toContain('[vite] connecting');
    // The entry starts React Fast Refresh itself (no inline preamble: the pages have none).
    const entry = await text(`${system.viewerUrl}/src/client/main.ts`);
    expect(entry.body).toContain('@vitejs/plugin-react/preamble');
    expect(JSON.parse(await hmrHello(system.viewerUrl, '/'))).toEqual({ type: 'connected' });
    const css = await fetch(`${system.viewerUrl}/src/client/styles/index.css`, {
      headers: { accept: 'text/css,*/*;q=0.1' },
    });
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    // Inline styles and the HMR WebSocket are allowed in dev only (pnpm start keeps the strict CSP).
    expect((await fetch(`${system.viewerUrl}/`)).headers.get('content-security-policy')).toContain(
      "style-src 'self' 'unsafe-inline'",
    );
  });

  it('answers the viewer’s read API from the store the admin seeded', async () => {
    const res = await fetch(`${system.viewerUrl}/api/v1/editions/latest`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ number: 1 });
  });

  it('stops everything on Ctrl-C: each process reports a clean stop and none is left', async () => {
    const exit = await system.stop();
    // pnpm, interrupted itself, ends by the same SIGINT once the start script has exited.
    expect(exit.code ?? exit.signal, exit.output).toBe('SIGINT');
    for (const app of ['admin', 'viewer', 'worker'])
      expect(exit.output).toMatch(new RegExp(`${app}\\s*│ 已停止 \\(stopped: 0\\)`));
    // Nothing is left of pnpm, the start script, tsx watch or the three processes.
    const pids = [system.pid, ...Object.values(system.pids)];
    const left = (): number[] => pids.filter((pid) => isAlive(pid) || groupAlive(pid));
    await waitUntil(
      () => `every process to end (left: ${left().join(', ')})`,
      () => left().length === 0,
      5_000,
      200,
    );
  });
});
