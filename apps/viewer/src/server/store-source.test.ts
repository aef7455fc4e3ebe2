import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@leshan/report-store';
import type { Store } from '@leshan/report-store';
import { sha256Hex } from '@leshan/report-core/hash';
import { createCanonicalSource } from './memory-source.js';
import { createServer } from './server.js';
import type { ViewerSource } from './source.js';
import { createStoreSource, openStoreSource } from './store-source.js';
import { editedReport } from './testing/sample-editions.js';

const dir = mkdtempSync(join(tmpdir(), 'viewer-store-'));
const file = join(dir, 'leshan.db');
let writer: Store;
let source: ViewerSource;
// The source's clock: it asks the store for changes at most every 250 ms of it.
let clock = 0;
const later = (): void => {
  clock += 250;
};

beforeAll(async () => {
  // The admin side: a writable store seeded with the canonical report as edition 1.
  writer = await openStore({ sqliteFile: file });
  source = await openStoreSource({ kind: 'sqlite', file }, { now: () => clock });
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
    // Within 250 ms of its last look the source answers from memory, without asking the store.
    expect((await source.latestEdition())?.number).toBe(1);
    const before = source.changeMark();
    expect(before).toBeDefined();
    later();
    // Due: the mark known so far, while a look at the store starts.
    expect(source.changeMark()).toBe(before);
    const latest = await source.latestEdition();
    expect(source.changeMark()).not.toBe(before);
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
    later();

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

  it('asks the store nothing per request: one change check per 250 ms, the edition list only when it moved', async () => {
    const reader = await openStore({ sqliteFile: file, readonly: true });
    const calls: string[] = [];
    const counted = new Proxy(reader, {
      get: (target, name: keyof Store): unknown => {
        const value: unknown = Reflect.get(target, name);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          calls.push(name);
          return Reflect.apply(value, target, args);
        };
      },
    });
    let at = 0;
    const watched = createStoreSource(counted, { now: () => at });
    const app = createServer({ source: watched, siteUrl: 'http://x' });
    await request(app).get('/').expect(200);
    calls.length = 0;
    for (let i = 0; i < 20; i += 1) {
      await request(app).get('/').expect(200);
      await request(app).get('/api/v1/editions/latest').expect(200);
      await request(app).get('/editions').expect(200);
    }
    expect(calls).toEqual([]);
    at += 250;
    await request(app).get('/').expect(200);
    expect(calls).toEqual(['changeMark']);
    await watched.close();
  });

  it('issue 12: refuses with 503 (and logs) an edition whose report was changed after publishing', async () => {
    const tamperedFile = join(dir, 'tampered.db');
    const admin = await openStore({ sqliteFile: tamperedFile });
    const published = await admin.publishReport({ report: editedReport(), publishedBy: 'system' });
    if (!published.ok) throw new Error('publish failed');
    await admin.close();
    // Someone with the database file: drops the immutability triggers and rewrites edition 2.
    const raw = new Database(tamperedFile);
    const triggers = raw.prepare("select name from sqlite_master where type = 'trigger'").all() as {
      name: string;
    }[];
    for (const { name } of triggers) raw.exec(`drop trigger "${name}"`);
    raw
      .prepare("update editions set report = replace(report, '乐山', '某地') where number = 2")
      .run();
    raw.close();

    const lines: string[] = [];
    const reader = await openStoreSource(
      { kind: 'sqlite', file: tamperedFile },
      { log: (line) => lines.push(line) },
    );
    const app = createServer({ source: reader, siteUrl: 'http://x' });
    const page = await request(app).get('/').expect(503);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('内容指纹不符');
    expect(page.text).not.toContain('某地');
    const api = await request(app).get('/api/v1/editions/latest').expect(503);
    expect(api.body.code).toBe('edition-mismatch');
    expect(JSON.stringify(api.body)).not.toContain('某地');
    expect(lines[0]).toMatch(/edition 2 \(.+\) refused: its report hashes to [0-9a-f]{64}/);
    // Edition 1 is untouched and still served.
    const first = await request(app).get('/api/v1/editions/1').expect(200);
    expect(first.body.number).toBe(1);
    await reader.close();
  });

  it('refuses to open a database that does not exist, rather than creating one', async () => {
    await expect(
      openStoreSource({ kind: 'sqlite', file: join(dir, 'missing.db') }),
    ).rejects.toThrow(/无法打开数据库文件/);
  });
});
