import { createServer as createHttpServer, get } from 'node:http';
import type { IncomingHttpHeaders, RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '@leshan/report-core';
import type { Edition } from '../../schemas.js';
import { createMemorySource, makeEdition } from '../memory-source.js';
import { createServer, viewerListener } from '../server.js';
import type { ViewerSource } from '../source.js';
import { editedReport } from '../testing/sample-editions.js';
import { QueryKeys } from './query-keys.js';
import { SearchFiltersSchema } from '../api/search-schemas.js';

/** A source over `editions` that counts how often the app asked it for the latest edition. */
function countingSource(editions: Edition[]): { source: ViewerSource; asked: () => number } {
  const base = createMemorySource(editions);
  let asked = 0;
  return {
    source: {
      ...base,
      latestEdition: () => {
        asked += 1;
        return base.latestEdition();
      },
    },
    asked: () => asked,
  };
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as sent on the wire: no client decompresses it. */
async function rawGet(listener: RequestListener, path: string, headers: Record<string, string>) {
  const server = createHttpServer(listener).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<Raw>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      }).on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('issue 12: answers kept compressed, per edition, independent of unused query parameters', () => {
  it('sends brotli or gzip as accepted, with Vary and an ETag per encoding, and 304 for each', async () => {
    const app = viewerListener(
      createServer({ source: createMemorySource([edition1()]), siteUrl: 'http://x' }),
    );
    // Pages vary by the text-size cookie too (issue 19); the read API does not.
    for (const [path, vary] of [
      ['/', 'Accept-Encoding, Cookie'],
      ['/api/v1/editions/latest', 'Accept-Encoding'],
    ] as const) {
      const plain = await rawGet(app, path, { 'Accept-Encoding': 'identity' });
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      const tags = new Set([plain.headers.etag]);
      for (const [coding, decode] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        // Twice: once made (and kept), once from the answer cache; the same bytes both times.
        for (let i = 0; i < 2; i += 1) {
          const res = await rawGet(app, path, { 'Accept-Encoding': coding });
          expect(res.status).toBe(200);
          expect(res.headers['content-encoding'], path).toBe(coding);
          expect(res.headers.vary, path).toBe(vary);
          expect(decode(res.body).equals(plain.body), path).toBe(true);
          expect(res.body.length, path).toBeLessThan(plain.body.length / 2);
          tags.add(res.headers.etag);
          const again = await rawGet(app, path, {
            'Accept-Encoding': coding,
            'If-None-Match': res.headers.etag ?? '',
          });
          expect(again.status).toBe(304);
        }
      }
      expect(tags.size, path).toBe(3);
    }
  });

  it('renders a page once per edition: repeats, unused parameters and HEAD are answered from the cache', async () => {
    const editions = [edition1()];
    const { source, asked } = countingSource(editions);
    const express = createServer({ source, siteUrl: 'http://x' });
    for (const app of [express, viewerListener(express)]) {
      const first = await request(app).get('/source').expect(200);
      const before = asked();
      for (const path of ['/source', '/source?utm_source=x', '/source?a=1&b=2', '/source?']) {
        const res = await request(app).get(path).expect(200);
        expect(res.text, path).toBe(first.text);
        expect(res.headers['content-security-policy'], path).toBe(
          first.headers['content-security-policy'],
        );
      }
      await request(app).head('/source?x=1').expect(200);
      expect(asked()).toBe(before);
    }
    // A new edition moves the source's mark: the next request renders it.
    editions.push(makeEdition(editedReport(), 2, '2024-02-01T08:00:00.000Z', '更新进展。'));
    const after = await request(express).get('/chapters/1').expect(200);
    expect(after.text).toContain('乐西高速公路建成通车');
  });

  it('keeps a search per edition and query: other parameters share it, another query does not', async () => {
    const { source, asked } = countingSource([edition1()]);
    const app = viewerListener(createServer({ source, siteUrl: 'http://x' }));
    const q = encodeURIComponent('光伏');
    for (const base of ['/search', '/api/v1/search', '/api/v1/search.json']) {
      const first = await request(app).get(`${base}?q=${q}`).expect(200);
      const count = asked();
      const same = await request(app).get(`${base}?ref=home&q=${q}`).expect(200);
      expect(same.text, base).toBe(first.text);
      expect(asked(), base).toBe(count);
      const other = await request(app)
        .get(`${base}?q=${encodeURIComponent('交通')}`)
        .expect(200);
      expect(other.text, base).not.toBe(first.text);
      expect(asked(), base).toBe(count + 1);
      // A parameter the route reads is part of the key.
      await request(app).get(`${base}?q=${q}&chapter=2`).expect(200);
      expect(asked(), base).toBe(count + 2);
    }
  });

  it('keys a URL by its path and the parameters its route reads, in any order or spelling', () => {
    const keys = new QueryKeys();
    keys.declare('/search', SearchFiltersSchema);
    keys.declare('/api/v1/measures/:id', ['edition']);
    expect(keys.keyOf('/source?x=1')).toBe('/source');
    expect(keys.keyOf('/search?x=1&q=%E5%85%89%E4%BC%8F&chapter=2')).toBe(
      keys.keyOf('/search?chapter=2&q=光伏'),
    );
    expect(keys.keyOf('/search?q=a&q=b')).not.toBe(keys.keyOf('/search?q=a'));
    expect(keys.keyOf('/api/v1/measures/m38.json?edition=2&z=1')).toBe(
      '/api/v1/measures/m38.json?[["edition",["2"]]]',
    );
    expect(keys.keyOf('/api/v1/measures/m38/x?edition=2')).toBe('/api/v1/measures/m38/x');
  });
});

function edition1(): Edition {
  return makeEdition(editableCopy(canonicalReport), 1, '2022-03-01T08:00:00.000Z', '首次发布。');
}
