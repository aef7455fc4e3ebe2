import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from './bootstrap-admin.js';
import type { AdminConfig } from './deps.js';
import type { Harness } from './testing/admin-harness.js';
import { PASSWORD } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import type { Session } from './testing/session-cookie.js';
import { openSession, sessionCookie } from './testing/session-cookie.js';

describe.each(engines)('issue 15: accounts an office can run ($name)', (engine) => {
  let h: Harness | undefined;
  const start = async (config?: Partial<AdminConfig>): Promise<Harness> => {
    h = await engine.start(config);
    return h;
  };
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const as = (harness: Harness, s: Session) => ({
    get: (path: string) => supertest(harness.app).get(path).set('Cookie', s.cookie),
    send: (method: 'post' | 'patch' | 'delete', path: string, body: object = {}) => {
      const agent = supertest(harness.app);
      return agent[method](path).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send(body);
    },
  });
  const login = (harness: Harness, email: string, password: string, from?: string) => {
    const req = supertest(harness.app).post('/api/session');
    if (from !== undefined) void req.set('X-Forwarded-For', from);
    return req.send({ email, password });
  };
  const asSession = (res: supertest.Response): Session => ({
    cookie: sessionCookie(res.headers['set-cookie']),
    csrf: res.body.csrfToken as string,
    userId: res.body.user.id as string,
  });

  it('changes one’s own password with the current one; the other sessions end, this browser stays in', async () => {
    const harness = await start();
    const laptop = await openSession(harness, 'editor');
    const phone = await openSession(harness, 'editor');
    const wrong = await as(harness, laptop).send('post', '/api/session/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new sentence of mine',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'bad-password', error: '当前密码不正确' });
    const changed = await as(harness, laptop).send('post', '/api/session/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new sentence of mine',
    });
    expect(changed.status).toBe(200);
    const renewed = asSession(changed);
    expect((await as(harness, renewed).get('/api/draft')).status).toBe(200);
    expect((await as(harness, laptop).get('/api/draft')).status).toBe(401);
    expect((await as(harness, phone).get('/api/draft')).status).toBe(401);
    expect((await login(harness, 'editor@example.org', PASSWORD)).status).toBe(401);
    expect(
      (await login(harness, 'editor@example.org', 'a brand new sentence of mine')).status,
    ).toBe(200);
  });

  it('refuses short, blank and common passwords with a Chinese reason', async () => {
    const harness = await start();
    const admin = await openSession(harness, 'admin');
    for (const [password, reason] of [
      [' '.repeat(12), '密码不能只由空格组成'],
      ['password1234', '这个密码在常见密码名单中，容易被猜到，请换一个'],
      ['short one', '密码至少 12 个字符（现在 9 个）；可以用一句容易记住的话'],
    ]) {
      const res = await as(harness, admin).send('post', '/api/users', {
        email: 'weak@example.org',
        displayName: '弱密码',
        role: 'editor',
        password,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(reason);
    }
    expect(await harness.store.findUserByEmail('weak@example.org')).toBeNull();
  });

  it('resets a password to a one-time one that must be changed before anything else', async () => {
    const harness = await start();
    const admin = await openSession(harness, 'admin');
    const editor = await openSession(harness, 'editor');
    const reset = await as(harness, admin).send(
      'post',
      `/api/users/${editor.userId}/password-reset`,
    );
    expect(reset.status).toBe(200);
    expect(reset.headers['cache-control']).toBe('no-store');
    const oneTime = reset.body.password as string;
    expect(oneTime).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    expect((await as(harness, editor).get('/api/draft')).status).toBe(401);
    const first = await login(harness, 'editor@example.org', oneTime);
    expect(first.body.user.mustChangePassword).toBe(true);
    const once = asSession(first);
    const blocked = await as(harness, once).get('/api/draft');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({
      code: 'password-change-required',
      error: '请先修改密码，然后才能继续使用',
    });
    expect((await as(harness, once).get('/api/session')).status).toBe(200);
    const changed = await as(harness, once).send('post', '/api/session/password', {
      currentPassword: oneTime,
      newPassword: 'my own sentence again',
    });
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await as(harness, asSession(changed)).get('/api/draft')).status).toBe(200);
  });

  it('asks for confirmation before making someone an admin, removes users, and never the last admin', async () => {
    const harness = await start();
    const admin = await openSession(harness, 'admin');
    const editor = await openSession(harness, 'editor');
    const unconfirmed = await as(harness, admin).send('patch', `/api/users/${editor.userId}`, {
      role: 'admin',
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.code).toBe('confirm-admin');
    expect((await harness.store.getUser(editor.userId))?.role).toBe('editor');
    const confirmed = await as(harness, admin).send('patch', `/api/users/${editor.userId}`, {
      role: 'admin',
      confirmAdmin: true,
    });
    expect(confirmed.body.user.role).toBe('admin');
    const second = asSession(await login(harness, 'editor@example.org', PASSWORD));
    // Two admins demoting each other at once: one is refused and one admin is left.
    const [a, b] = await Promise.all([
      as(harness, admin).send('patch', `/api/users/${second.userId}`, { role: 'editor' }),
      as(harness, second).send('patch', `/api/users/${admin.userId}`, { disabled: true }),
    ]);
    // The loser is refused by the invariant (409 last-admin); or, when the winner's change ended
    // its session first, as signed out (401); or, when the winner's demotion was committed before
    // the loser's request read its session, as no longer an admin (403 forbidden: a fresh-clone
    // run on PostgreSQL met that order).
    const loser = a.status === 200 ? b : a;
    expect([a.status, b.status]).toContain(200);
    expect(['last-admin', 'unauthenticated', 'forbidden']).toContain(loser.body.code);
    const admins = (await harness.store.listUsers()).filter(
      (u) => u.role === 'admin' && !u.disabled,
    );
    expect(admins).toHaveLength(1);
    const survivor = a.status === 200 ? admin : second;
    const other = survivor === admin ? second : admin;
    expect(
      (await as(harness, survivor).send('delete', `/api/users/${survivor.userId}`)).body.code,
    ).toBe('self-lockout');
    const removed = await as(harness, survivor).send('delete', `/api/users/${other.userId}`);
    expect(removed.status).toBe(200);
    expect(await harness.store.getUser(other.userId)).toBeNull();
  });

  it('issue 15: 40 guesses sent at once are evaluated at most 5 times, and the owner still signs in from another address', async () => {
    const harness = await start({
      trustProxy: true,
      loginMaxAttempts: 5,
      loginAccountFreeAttempts: 10,
    });
    await openSession(harness, 'admin');
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(harness, 'admin@example.org', `guess number ${i}`, '10.0.0.66'),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const owner = await login(harness, 'admin@example.org', PASSWORD, '10.0.0.2');
    expect(owner.status).toBe(200);
  });

  it('issue 15: before sign-in only a small body is read; JSON nesting is limited on every route', async () => {
    const harness = await start();
    const big = await supertest(harness.app)
      .post('/api/session')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('登录前的请求内容不能超过 16kb，请先登录');
    const editor = await openSession(harness, 'editor');
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    for (const res of [
      await supertest(harness.app)
        .post('/api/session')
        .set('Content-Type', 'application/json')
        .send(deep),
      await as(harness, editor)
        .send('post', '/api/draft/commands')
        .set('Content-Type', 'application/json')
        .send(`{"commands":${deep}}`),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'too-deep',
        error: '请求内容的嵌套超过 64 层，请简化后重试',
      });
    }
    // Brackets inside strings are text, not nesting.
    const quoted = await as(harness, editor).send('post', '/api/draft/commands', {
      baseRevision: 0,
      commands: [{ type: 'measure.update', measureId: 'nope', patch: { text: '['.repeat(200) } }],
    });
    expect(quoted.body.code).not.toBe('too-deep');
  });

  it('writes a generated first password to an owner-only file, never to the result, and asks for a change', async () => {
    const harness = await start();
    for (const u of await harness.store.listUsers()) await harness.store.deleteUser(u.id);
    const dir = mkdtempSync(join(tmpdir(), 'leshan-bootstrap-'));
    try {
      const file = join(dir, 'data', 'first-admin-password.txt');
      const result = await bootstrapAdmin(harness.store, { passwordFile: file });
      expect(result).toEqual({
        created: true,
        email: 'admin@localhost.localdomain',
        generated: true,
        passwordFile: file,
      });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, 'utf8').split('\n')[1] ?? '';
      const first = await login(harness, 'admin@localhost.localdomain', password);
      expect(first.body.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
