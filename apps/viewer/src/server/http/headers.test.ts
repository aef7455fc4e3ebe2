import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServer, viewerListener } from '../server.js';
import { sampleSource } from '../testing/sample-editions.js';
import { helmetHeaders, securityHeaderList } from './headers.js';

// The security headers the site sent before issue 12 made them once per process (helmet per request).
const NAMES = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

const PATHS = [
  '/',
  '/chapters/2',
  '/en/chapters/2',
  `/search?q=${encodeURIComponent('光伏')}`,
  '/api/v1/editions/latest',
  '/api/v1/no-such-route',
  '/feeds/progress.atom',
  '/sitemap.xml',
  '/no-such-page',
];

async function helmetsOwn(): Promise<Record<string, string>> {
  const reference = express().use(helmetHeaders(), (_req, res) => void res.end());
  const res = await request(reference).get('/');
  return Object.fromEntries(NAMES.map((name) => [name, String(res.headers[name])]));
}

describe('issue 12: security headers made once', () => {
  it('lists exactly what helmet sets per request', async () => {
    expect(Object.fromEntries(securityHeaderList())).toEqual(await helmetsOwn());
  });

  it('sends every one of them, unchanged, on pages, API, feeds and errors, rendered or from the answer cache', async () => {
    const expected = await helmetsOwn();
    const app = createServer({ source: sampleSource(), siteUrl: 'http://x' });
    const listener = viewerListener(app);
    for (const path of PATHS) {
      // The first request goes through express, the second (for a 200) is written by the cache.
      for (const [how, target] of [
        ['express', app],
        ['cache', listener],
        ['cache', listener],
      ] as const) {
        const res = await request(target).get(path);
        const sent = Object.fromEntries(NAMES.map((name) => [name, String(res.headers[name])]));
        expect(sent, `${how} ${path} (${res.status})`).toEqual(expected);
        expect(res.headers['x-powered-by'], path).toBeUndefined();
      }
    }
  });
});
