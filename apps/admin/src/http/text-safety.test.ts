import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMeasures } from '@leshan/report-core';
import type { Harness } from '../testing/admin-harness.js';
import { engines } from '../testing/engines.js';
import type { Session } from '../testing/session-cookie.js';
import { openSession } from '../testing/session-cookie.js';
import { unsafeTextIssues } from './text-safety.js';

// Which characters are refused is report-core's rule (model/text-safety.test.ts); here, the walk.
describe('unsafeTextIssues', () => {
  it('walks nested bodies without recursion and reports each field’s path', () => {
    let deep: unknown = 'x\u0001';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(unsafeTextIssues(deep)).toHaveLength(1);
    expect(
      unsafeTextIssues({ commands: [{ patch: { text: 'ok' } }, { patch: { text: 'no\u0000' } }] }),
    ).toEqual([
      { path: 'body.commands.1.patch.text', message: expect.stringMatching(/U\+0000/) as unknown },
    ]);
  });

  it('names a key that holds a control character, such as C1 NEL (U+0085)', () => {
    expect(unsafeTextIssues({ 'a\u0085': 'ok' })).toEqual([
      { path: 'body', message: '字段名含有不可见的控制字符（U+0085，第2个字符），请删除后重试' },
    ]);
  });
});

describe.each(engines)('text the admin API refuses to store ($name)', (engine) => {
  let h: Harness;
  let editor: Session;
  beforeAll(async () => {
    h = await engine.start();
    editor = await openSession(h, 'editor');
  });
  afterAll(() => h.close());

  const send = (body: string) =>
    supertest(h.app)
      .post('/api/draft/commands')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .set('Content-Type', 'application/json')
      .send(body);

  /** The exact bytes given, over a real socket (superagent re-encodes what it sends). */
  async function sendBytes(bytes: Buffer): Promise<{ status: number; body: unknown }> {
    const server = createHttpServer(h.app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/draft/commands`, {
        method: 'POST',
        headers: {
          cookie: editor.cookie,
          'x-csrf-token': editor.csrf,
          'content-type': 'application/json',
        },
        body: bytes,
      });
      return { status: res.status, body: await res.json() };
    } finally {
      server.close();
    }
  }

  async function editText(suffix: string): Promise<string> {
    const draft = await h.store.getDraft();
    if (draft === null) throw new Error('no draft');
    const measure = listMeasures(draft.report)[0];
    if (measure === undefined) throw new Error('no measure');
    return JSON.stringify({
      baseRevision: draft.revision,
      commands: [
        { type: 'measure.update', id: measure.id, patch: { text: `${measure.text}${suffix}` } },
      ],
    });
  }

  it('answers 400 with the field’s path to a control, direction-changing or invisible character or a lone surrogate (issue 15), and stores nothing', async () => {
    const before = await h.store.getDraft();
    for (const suffix of [
      '\u0000',
      '\u001B[31m',
      '\uD83D',
      '\u202E',
      '\u2066',
      '\u200B',
      '\uFEFF',
    ]) {
      const res = await send(await editText(suffix));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'invalid-text',
        error: expect.stringMatching(/不能保存的字符/) as unknown,
        issues: [{ path: 'body.commands.0.patch.text', message: expect.any(String) as unknown }],
      });
    }
    expect((await h.store.getDraft())?.reportHash).toBe(before?.reportHash);
  });

  it('answers 400 to bytes that are not UTF-8 instead of storing U+FFFD', async () => {
    const before = await h.store.getDraft();
    const json = await editText('MARK');
    const [head, tail] = json.split('MARK') as [string, string];
    const res = await sendBytes(
      Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(tail)]),
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: expect.stringMatching(/UTF-8/) as unknown,
      code: 'invalid-utf8',
      issues: [],
    });
    expect((await h.store.getDraft())?.reportHash).toBe(before?.reportHash);
  });

  it('still stores markup and formula-like text as the text they are', async () => {
    const res = await send(await editText(' <img src=x onerror=alert(1)> =HYPERLINK("x")'));
    expect(res.status).toBe(200);
  });
});
