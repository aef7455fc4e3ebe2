import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../schemas.js';
import { createServer } from '../server.js';
import type { ViewerSource } from '../source.js';
import { sampleSource } from '../testing/sample-editions.js';
import { FileGuard } from './send-file.js';

const dir = mkdtempSync(join(tmpdir(), 'viewer-files-'));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const small = Buffer.from('乐山市今后五年工作：0123456789abcdefghijklmnopqrstuvwxyz\n'.repeat(40));
const big = Buffer.alloc(4 * 1024 * 1024, 7);

interface FileSpec {
  path: string;
  size: number;
  sha256: string;
}
const files = new Map<string, FileSpec>();
const logged: string[] = [];
const mismatched: string[] = [];

/** The sample editions, with export files on disk under the given names. */
function sourceWithFiles(): ViewerSource {
  const base = sampleSource();
  return {
    ...base,
    locateArtifact: async (editionId, fileName) => {
      const spec = files.get(fileName);
      if (spec === undefined) return undefined;
      const meta: Artifact = {
        id: `a-${fileName}`,
        editionId,
        format: 'json',
        fileName,
        mediaType: 'application/octet-stream',
        size: spec.size,
        sha256: spec.sha256,
        createdAt: '2024-01-01T00:00:00.000Z',
      };
      return Promise.resolve({ meta, bytes: { kind: 'file', path: spec.path } });
    },
  };
}

function addFile(name: string, bytes: Buffer): FileSpec {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const spec = { path, size: bytes.length, sha256: sha256(bytes) };
  files.set(name, spec);
  return spec;
}

let server: Server;
let base: string;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request; `abort` drops the connection after the first chunk of the body. */
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; abort?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        agent: options.abort === true ? false : agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (options.abort === true) {
            req.destroy();
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            });
          }
        });
        res.on('error', () => undefined);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', (error) => (options.abort === true ? undefined : reject(error)));
    req.end();
  });
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

/** Waits for connections to wind down, then gives the number of open descriptors. */
async function settledFds(limit: number): Promise<number> {
  agent.destroy();
  let count = openFds();
  for (let i = 0; i < 50 && count > limit; i += 1) {
    await new Promise((r) => setTimeout(r, 50));
    count = openFds();
  }
  return count;
}

async function flood(times: number, make: (i: number) => Promise<Reply>): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i < times; i += 8)
    replies.push(...(await Promise.all(Array.from({ length: 8 }, (_, j) => make(i + j)))));
  return replies;
}

const FILE_URL = (name: string): string => `/api/v1/editions/latest/files/${name}`;

beforeAll(async () => {
  addFile('report.json', small);
  addFile('big.bin', big);
  const app = createServer({
    source: sourceWithFiles(),
    siteUrl: 'http://x',
    files: new FileGuard({
      log: (line) => logged.push(line),
      onMismatch: (artifact) => mismatched.push(artifact.fileName),
    }),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 12: export files served safely', () => {
  it('answers Range with 206 and Content-Range, a bad range with 416, and honours If-Range', async () => {
    const etag = `"${sha256(small)}"`;
    const whole = await call(FILE_URL('report.json'));
    expect(whole.status).toBe(200);
    expect(whole.body.equals(small)).toBe(true);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers.etag).toBe(etag);

    const part = await call(FILE_URL('report.json'), { headers: { Range: 'bytes=3-12' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 3-12/${small.length}`);
    expect(part.headers['content-length']).toBe('10');
    expect(part.body.equals(small.subarray(3, 13))).toBe(true);

    const tail = await call(FILE_URL('report.json'), { headers: { Range: 'bytes=-5' } });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(small.subarray(small.length - 5))).toBe(true);

    // A phone resuming a download: the rest of the file, only if it is still the same file.
    const resume = await call(FILE_URL('report.json'), {
      headers: { Range: 'bytes=100-', 'If-Range': etag },
    });
    expect(resume.status).toBe(206);
    expect(resume.body.equals(small.subarray(100))).toBe(true);
    const changed = await call(FILE_URL('report.json'), {
      headers: { Range: 'bytes=100-', 'If-Range': '"another-version"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.equals(small)).toBe(true);

    const beyond = await call(FILE_URL('report.json'), { headers: { Range: 'bytes=99999-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${small.length}`);
    expect(JSON.parse(beyond.body.toString()).code).toBe('range-not-satisfiable');

    const several = await call(FILE_URL('report.json'), { headers: { Range: 'bytes=0-1,5-9' } });
    expect(several.status).toBe(200);
    expect(several.body.equals(small)).toBe(true);

    const head = await call(FILE_URL('report.json'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(small.length));
    expect(head.body.length).toBe(0);
    const notModified = await call(FILE_URL('report.json'), { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
  });

  it('leaks no descriptor over floods of HEAD, 304, Range, 416 and If-Range downloads', async () => {
    const etag = `"${sha256(small)}"`;
    await call(FILE_URL('report.json'));
    const before = await settledFds(Number.POSITIVE_INFINITY);
    const kinds: [string, { method?: string; headers?: Record<string, string> }, number][] = [
      ['HEAD', { method: 'HEAD' }, 200],
      ['304', { headers: { 'If-None-Match': etag } }, 304],
      ['Range', { headers: { Range: 'bytes=0-99' } }, 206],
      ['416', { headers: { Range: 'bytes=99999-' } }, 416],
      ['If-Range', { headers: { Range: 'bytes=5-', 'If-Range': '"old"' } }, 200],
    ];
    for (const [, options, status] of kinds) {
      const replies = await flood(400, () => call(FILE_URL('report.json'), options));
      expect(new Set(replies.map((r) => r.status))).toEqual(new Set([status]));
    }
    const after = await settledFds(before + 3);
    process.stdout.write(
      `issue 12 fds, HEAD/304/Range/416/If-Range floods of 2000: ${before} → ${after}\n`,
    );
    expect(after).toBeLessThanOrEqual(before + 3);
  });

  it('closes the file of every aborted download and keeps answering', async () => {
    const before = await settledFds(Number.POSITIVE_INFINITY);
    const replies = await flood(200, () => call(FILE_URL('big.bin'), { abort: true }));
    expect(replies.every((r) => r.status === 200 && r.body.length < big.length)).toBe(true);
    const after = await settledFds(before + 3);
    process.stdout.write(`issue 12 fds, 200 aborted 4 MB downloads: ${before} → ${after}\n`);
    expect(after).toBeLessThanOrEqual(before + 3);
    const whole = await call(FILE_URL('big.bin'));
    expect(whole.status).toBe(200);
    expect(whole.body.equals(big)).toBe(true);
  });

  it('answers 404 for a vanished file and 500 for one that cannot be read, logging both, and leaks nothing', async () => {
    addFile('gone.json', small);
    rmSync(join(dir, 'gone.json'));
    mkdirSync(join(dir, 'folder.json'));
    files.set('folder.json', {
      path: join(dir, 'folder.json'),
      size: 0,
      sha256: sha256(Buffer.alloc(0)),
    });
    // Reading /proc/self/mem from its start fails with EIO: a file that exists but cannot be read.
    files.set('broken.bin', { path: '/proc/self/mem', size: 0, sha256: sha256(Buffer.alloc(0)) });
    const before = await settledFds(Number.POSITIVE_INFINITY);
    for (const [name, status] of [
      ['gone.json', 404],
      ['folder.json', 404],
      ['broken.bin', 500],
    ] as const) {
      logged.length = 0;
      const replies = await flood(200, () => call(FILE_URL(name)));
      expect(new Set(replies.map((r) => r.status)), name).toEqual(new Set([status]));
      expect(JSON.parse(replies[0]?.body.toString() ?? '{}').error, name).toMatch(/请稍后再试/);
      expect(logged.length, name).toBe(200);
    }
    const after = await settledFds(before + 3);
    process.stdout.write(`issue 12 fds, 600 vanished/unreadable downloads: ${before} → ${after}\n`);
    expect(after).toBeLessThanOrEqual(before + 3);
  });

  it('refuses with 503 a file that differs from its recorded size or sha256, and serves it again once it is restored', async () => {
    const spec = addFile('corrupt.json', small);
    expect((await call(FILE_URL('corrupt.json'))).status).toBe(200);

    // Same size, other bytes, a new mtime: checked again, refused, and the hook asked to regenerate.
    const flipped = Buffer.from(small);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    writeFileSync(spec.path, flipped);
    utimesSync(spec.path, new Date(), new Date(Date.now() + 5000));
    mismatched.length = 0;
    const refused = await call(FILE_URL('corrupt.json'));
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body.toString()).code).toBe('file-mismatch');
    expect(mismatched).toEqual(['corrupt.json']);
    expect(logged.at(-1)).toMatch(/corrupt\.json refused: sha256/);

    writeFileSync(spec.path, Buffer.concat([small, Buffer.from('x')]));
    expect((await call(FILE_URL('corrupt.json'), { method: 'HEAD' })).status).toBe(503);

    writeFileSync(spec.path, small);
    const restored = await call(FILE_URL('corrupt.json'));
    expect(restored.status).toBe(200);
    expect(restored.body.equals(small)).toBe(true);
  });
});
