import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { canonicalReport, listMeasures } from '@leshan/report-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/admin-harness.js';
import { engines } from '../testing/engines.js';
import type { Session } from '../testing/session-cookie.js';
import { openSession } from '../testing/session-cookie.js';
import { readEvents } from '../testing/read-events.js';
import { LIVE_LIMITS } from './draft-live.js';

const openFds = (): number => readdirSync('/proc/self/fd').length;
const measure = listMeasures(canonicalReport)[2] ?? { id: '', text: '' };

describe.each(engines)('issue 13: live draft events ($name)', (engine) => {
  let h: Harness;
  let server: Server;
  let base: string;
  beforeEach(async () => {
    h = await engine.start();
    server = h.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  const stream = (who: Session, signal?: AbortSignal) =>
    fetch(`${base}/api/draft/events`, { headers: { cookie: who.cookie }, signal: signal ?? null });
  const post = (who: Session, path: string, body: object) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('streams another editor’s saved revision with its summary in words, and presence', async () => {
    const alice = await openSession(h, 'editor', 'zhang');
    const bob = await openSession(h, 'editor', 'li');
    expect((await h.store.updateUser(bob.userId, { displayName: '李编辑' })).ok).toBe(true);
    const res = await stream(alice);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = res.body;
    if (body === null) throw new Error('no body');
    // The stream is open once the first presence event arrived.
    await readEvents(body, (e) => e.some((x) => x.event === 'presence'));

    const presence = await post(bob, '/api/draft/presence', {
      clientId: 'tab-bob-1',
      nodeId: measure.id,
    });
    expect(presence.status).toBe(200);
    const saved = await post(bob, '/api/draft/commands', {
      baseRevision: 0,
      clientId: 'tab-bob-1',
      clientSeq: 1,
      commands: [
        { type: 'measure.update', id: measure.id, patch: { text: `${measure.text}（补充）` } },
      ],
    });
    expect(saved.status).toBe(200);
    const events = await readEvents(body, (e) => e.some((x) => x.event === 'revision'));
    expect(events.find((e) => e.event === 'presence')?.data).toEqual({
      editors: [{ userId: bob.userId, name: '李编辑', nodeId: measure.id, clientId: 'tab-bob-1' }],
    });
    const revision = events.find((e) => e.event === 'revision')?.data as Record<string, unknown>;
    expect(revision).toMatchObject({
      revision: 1,
      author: bob.userId,
      authorName: '李编辑',
      keys: expect.arrayContaining([`${measure.id}/text`]),
      clientId: 'tab-bob-1',
      clientSeq: 1,
    });
    expect(revision.summary).toEqual([expect.stringMatching(/^李编辑 修改了 .*的文字$/)]);
    expect(JSON.stringify(revision.summary)).not.toContain(measure.id);

    const head = await fetch(`${base}/api/draft/head`, { headers: { cookie: alice.cookie } });
    expect(await head.json()).toEqual({ revision: 1 });
    await body.cancel();
  });

  it('ends the stream on sign-out, and refuses streams past the per-account limit', async () => {
    const alice = await openSession(h, 'editor', 'alice');
    const res = await stream(alice);
    const body = res.body;
    if (body === null) throw new Error('no body');
    await readEvents(body, (e) => e.length > 0);
    const others = await Promise.all(
      Array.from({ length: LIVE_LIMITS.perAccount - 1 }, () => stream(alice)),
    );
    expect(others.map((r) => r.status)).toEqual(others.map(() => 200));
    const refused = await stream(alice);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toContain('实时连接过多');
    for (const other of others) await other.body?.cancel();

    const out = await fetch(`${base}/api/session`, {
      method: 'DELETE',
      headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrf },
    });
    expect(out.status).toBe(200);
    const reader = body.getReader();
    let done = false;
    const deadline = Date.now() + 5_000;
    while (!done && Date.now() < deadline) done = (await reader.read()).done;
    expect(done).toBe(true);
    expect((await stream(alice)).status).toBe(401);
  });

  it('leaks no descriptor over 200 connect/abort cycles', async () => {
    const alice = await openSession(h, 'editor', 'alice');
    const warm = new AbortController();
    await stream(alice, warm.signal).then((r) => r.body?.cancel());
    const before = openFds();
    for (let i = 0; i < 200; i += 1) {
      const controller = new AbortController();
      const res = await stream(alice, controller.signal);
      expect(res.status).toBe(200);
      controller.abort();
      await res.body?.cancel().catch(() => undefined);
    }
    const deadline = Date.now() + 10_000;
    while (openFds() > before + 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openFds()).toBeLessThanOrEqual(before + 5);
  });
});
