import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@leshan/report-store';
import type { Store } from '@leshan/report-store';
import { sha256Hex } from '@leshan/report-core/hash';
import { createCanonicalSource } from './memory-source.js';
import { createServer } from './server.js';
import type { ViewerSource } from './source.js';
import { openStoreSource } from './store-source.js';
import { editedReport } from './testing/sample-editions.js';

const dir = mkdtempSync(join(tmpdir(), 'viewer-store-'));
const file = join(dir, 'leshan.db');
let writer: Store;
let source: ViewerSource;

beforeAll(async () => {
  // The admin side: a writable store seeded with the canonical report as edition 1.
  writer = await openStore({ sqliteFile: file });
  source = await openStoreSource({ kind: 'sqlite', file });
});
afterAll(async () => {
  await source.close();
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store source (read-only)', () => {
  it('reads the seeded edition 1 with the hash the in-memory canonical source gives it too', async () => {
    const latest = await source.latestEdition();
    expect(latest?.number).toBe(1);
    expect(latest?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(latest?.hash).toBe((await createCanonicalSource().latestEdition())?.hash);
    expect(latest?.changeSummary).toBe('首次发布。');
  });

  it('shows an edition published after it was opened, with the change summary in Chinese', async () => {
    const published = await writer.publishReport({ report: editedReport(), publishedBy: 'system' });
    if (!published.ok) throw new Error('publish failed');
    const latest = await source.latestEdition();
    expect(latest?.number).toBe(2);
    expect(latest?.changeSummary).toBe(published.edition.changeSummary?.message.zh);
    for (const key of [published.edition.id, '2', published.edition.contentHash])
      expect((await source.getEdition(key))?.number).toBe(2);
    expect((await source.listEditions()).map((e) => e.number)).toEqual([2, 1]);
  });

  it('lists an export the worker recorded and streams its file', async () => {
    const latest = await source.latestEdition();
    if (latest === undefined) throw new Error('no edition');
    const bytes = Buffer.from(JSON.stringify(latest.report));
    const path = join(dir, 'report.json');
    writeFileSync(path, bytes);
    const enqueued = await writer.enqueueExportJobs(latest.id, ['json']);
    if (!enqueued.ok) throw new Error('enqueue failed');
    const job = await writer.claimExportJob({ workerId: 'w1', leaseMs: 60_000 });
    if (job === null) throw new Error('no job');
    const done = await writer.completeExportJob(job.id, 'w1', {
      fileName: 'leshan-e2.json',
      path,
      mediaType: 'application/json',
      size: bytes.length,
      sha256: sha256Hex(bytes),
    });
    expect(done.ok).toBe(true);

    const [artifact] = await source.listArtifacts(latest.id);
    expect(artifact).toMatchObject({
      fileName: 'leshan-e2.json',
      format: 'json',
      size: bytes.length,
    });
    const app = createServer({ source, siteUrl: 'http://x' });
    const res = await request(app).get(`/api/v1/editions/2/files/leshan-e2.json`).expect(200);
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers.etag).toBe(`"${sha256Hex(bytes)}"`);
    expect((await request(app).get('/downloads').expect(200)).text).toContain('leshan-e2.json');
  });

  it('refuses to open a database that does not exist, rather than creating one', async () => {
    await expect(
      openStoreSource({ kind: 'sqlite', file: join(dir, 'missing.db') }),
    ).rejects.toThrow(/无法打开数据库文件/);
  });
});
