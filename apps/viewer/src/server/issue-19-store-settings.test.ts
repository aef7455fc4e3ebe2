import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, openStore } from '@leshan/report-store';
import type { Store } from '@leshan/report-store';
import { createServer, viewerListener } from './server.js';
import type { ViewerSource } from './source.js';
import { openStoreSource } from './store-source.js';

const dir = mkdtempSync(join(tmpdir(), 'viewer-settings-'));
const file = join(dir, 'leshan.db');
let writer: Store;
let source: ViewerSource;
let clock = 0;

beforeAll(async () => {
  writer = await openStore({ sqliteFile: file });
  source = await openStoreSource({ kind: 'sqlite', file }, { now: () => clock });
});
afterAll(async () => {
  await source.close();
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 19: site settings from the store, without a restart', () => {
  it('answers the defaults while unset, then an admin’s save at the next check (250 ms), in a page already cached', async () => {
    expect(await source.siteSettings()).toEqual(DEFAULT_SITE_SETTINGS);
    const listener = viewerListener(createServer({ source, siteUrl: 'http://x' }));
    const before = await request(listener).get('/about').expect(200);
    expect(before.text).toContain('尚未公布');
    await request(listener).get('/about').expect(200);

    const saved = await writer.saveSiteSettings({
      settings: { ...DEFAULT_SITE_SETTINGS, publisher: '乐山市人民政府办公室' },
      baseVersion: 0,
      actor: 'u-admin',
    });
    expect(saved.ok).toBe(true);
    clock += 250;
    // The first request after the check is due starts it; the answer after it shows the save.
    await request(listener).get('/about');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await request(listener).get('/about').expect(200);
    expect(after.text).toContain('乐山市人民政府办公室');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await source.siteSettings()).publisher).toBe('乐山市人民政府办公室');
  });
});
