import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@leshan/report-store';
import type { Store } from '@leshan/report-store';
import { createCanonicalSource } from '../memory-source.js';
import { createServer } from '../server.js';
import type { ViewerSource } from '../source.js';
import { openStoreSource } from '../store-source.js';

const SITE = 'https://report.example.cn';
const dir = mkdtempSync(join(tmpdir(), 'viewer-feedback-'));
const file = join(dir, 'leshan.db');
let writer: Store;
let source: ViewerSource;
let app: ReturnType<typeof createServer>;

beforeAll(async () => {
  writer = await openStore({ sqliteFile: file });
  source = await openStoreSource({ kind: 'sqlite', file });
  app = createServer({ source, siteUrl: SITE });
});
afterAll(async () => {
  await source.close();
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
});

const TEXT = '第二段高速公路 2025 年 6 月已经通车，页面上还写着在建。';

function post(path: string, form: Record<string, string>) {
  return request(app).post(path).set('Origin', SITE).type('form').send(form);
}

describe('issue 19: 我要纠错 on the viewer', () => {
  it('shows a plain no-JavaScript form on a measure page of a store-backed site', async () => {
    const page = await request(app).get('/measures/m38').expect(200);
    expect(page.text).toMatch(/<form[^>]* action="\/measures\/m38\/feedback" method="post">/);
    expect(page.text).toMatch(/<input type="radio" name="kind" checked="" value="correction"/);
    expect(page.text).toMatch(/<textarea[^>]* name="text"[^>]* required="" maxLength="2000"/i);
    expect(page.text).not.toContain('<script');
  });

  it('stores a posted correction, answers 303 to a thank-you page, and never publishes it', async () => {
    const sent = await post('/measures/m38/feedback', {
      edition: '1',
      kind: 'correction',
      text: TEXT,
      contact: 'wang@example.org',
    }).expect(303);
    expect(sent.headers.location).toBe('/measures/m38/feedback/sent');
    const thanks = await request(app).get('/measures/m38/feedback/sent').expect(200);
    expect(thanks.text).toContain('已收到');
    expect(thanks.text).not.toContain(TEXT);
    const stored = await writer.listFeedback({ status: 'open' });
    expect(
      stored.map((f) => [f.nodeId, f.kind, f.text, f.contact, f.editionNumber]),
    ).toContainEqual(['m38', 'correction', TEXT, 'wang@example.org', 1]);
    for (const path of [
      '/measures/m38',
      '/chapters/1',
      '/api/v1/editions/latest',
      '/search?q=通车',
    ]) {
      const res = await request(app).get(encodeURI(path));
      expect(res.text, path).not.toContain('页面上还写着在建');
    }
  });

  it('gives the form back with the typed text and the field named when it is too long', async () => {
    const before = (await writer.listFeedback()).length;
    const long = '长'.repeat(2001);
    const res = await post('/measures/m38/feedback', { kind: 'progress-tip', text: long }).expect(
      400,
    );
    expect(res.text).toContain('意见内容');
    expect(res.text).toContain('不能超过 2000 字，现在是 2001 字');
    expect(res.text).toContain(long);
    expect(res.text).toMatch(/name="kind" checked="" value="progress-tip"/);
    expect(res.text).toMatch(
      /<textarea[^>]* aria-invalid="true" aria-describedby="feedback-text-error"/,
    );
    const noKind = await post('/measures/m38/feedback', { text: '好' }).expect(400);
    expect(noKind.text).toContain('请选择一个类别');
    expect((await writer.listFeedback()).length).toBe(before);
  });

  it('refuses a body over 32 KB with 413 and a post from another site with 403', async () => {
    await post('/measures/m38/feedback', { kind: 'correction', text: '长'.repeat(4000) }).expect(
      413,
    );
    const other = await request(app)
      .post('/measures/m38/feedback')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ kind: 'correction', text: TEXT })
      .expect(403);
    expect(other.text).toContain('请从本站举措页面');
    await request(app)
      .post('/measures/m38/feedback')
      .type('form')
      .send({ kind: 'correction', text: TEXT })
      .expect(403);
    await request(app)
      .post('/measures/m38/feedback')
      .set('Referer', `${SITE}/measures/m38`)
      .type('form')
      .send({ kind: 'correction', text: TEXT })
      .expect(303);
  });

  it('answers 404 for a measure the edition does not have', async () => {
    await post('/measures/m9999/feedback', { kind: 'correction', text: TEXT }).expect(404);
  });

  it('refuses the sixth in ten minutes from one address with 429, when to try again, and the text kept', async () => {
    // Every earlier post in this file came from supertest's one address.
    const statuses: number[] = [];
    let res = await post('/measures/m38/feedback', { kind: 'correction', text: TEXT });
    for (let i = 0; i < 6 && res.status === 303; i += 1) {
      statuses.push(res.status);
      res = await post('/measures/m38/feedback', { kind: 'correction', text: TEXT });
    }
    expect(statuses).toEqual([303, 303, 303]);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.text).toMatch(/请在北京时间 \d\d:\d\d（约 \d+ 分钟后）再试/);
    expect(res.text).toContain(TEXT);
    expect((await writer.listFeedback()).length).toBe(5);
  });
});

describe('issue 19: 我要纠错 without a store', () => {
  const memory = createServer({ source: createCanonicalSource(), siteUrl: SITE });
  it('shows no form and answers a post with 503 in Chinese', async () => {
    const page = await request(memory).get('/measures/m38').expect(200);
    expect(page.text).not.toContain('feedback-form');
    const res = await request(memory)
      .post('/measures/m38/feedback')
      .set('Origin', SITE)
      .type('form')
      .send({ kind: 'correction', text: TEXT })
      .expect(503);
    expect(res.text).toContain('暂时无法接收纠错');
  });
});
