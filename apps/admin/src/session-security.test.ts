import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminConfig } from './deps.js';
import type { Harness } from './testing/admin-harness.js';
import { PASSWORD } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import { openSession, sessionCookie } from './testing/session-cookie.js';

describe.each(engines)('sign-in and sessions ($name)', (engine) => {
  let h: Harness | undefined;
  const start = async (config?: Partial<AdminConfig>, now?: () => Date): Promise<Harness> => {
    h = await engine.start(config, now);
    return h;
  };
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const login = (app: Harness['app'], email: string, password: string) =>
    supertest(app).post('/api/session').send({ email, password });

  it('pauses sign-in after the allowed failures: 429 with Retry-After, even with the right password', async () => {
    const harness = await start({ loginMaxAttempts: 3, loginWindowMs: 600_000 });
    const { app } = harness;
    await openSession(harness, 'editor', 'victim');
    for (let i = 0; i < 3; i += 1) {
      const res = await login(app, 'victim@example.org', `wrong password ${i}`);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'bad-credentials',
        error: '邮箱或密码不正确，或账号已停用',
      });
    }
    const blocked = await login(app, 'victim@example.org', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      code: 'too-many-attempts',
      error: expect.stringMatching(/^登录失败次数过多，请 \d+ 分钟后再试$/),
    });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(blocked.headers['set-cookie']).toBeUndefined();
  });

  it('ends a session when its lifetime is over', async () => {
    // The store's clock, moved forward by the test instead of waiting out the lifetime.
    let aheadMs = 0;
    const harness = await start({ sessionTtlMs: 600_000 }, () => new Date(Date.now() + aheadMs));
    const session = await openSession(harness, 'editor');
    const me = await supertest(harness.app).get('/api/session').set('Cookie', session.cookie);
    expect(me.status).toBe(200);
    const lifetimeMs = Date.parse(me.body.expiresAt as string) - Date.now();
    expect(lifetimeMs).toBeGreaterThan(590_000);
    expect(lifetimeMs).toBeLessThanOrEqual(600_000);
    aheadMs = lifetimeMs - 5_000;
    expect(
      (await supertest(harness.app).get('/api/session').set('Cookie', session.cookie)).status,
    ).toBe(200);
    aheadMs = lifetimeMs + 1;
    // The same cookie, sent as is: the server itself refuses it (not a client dropping it).
    expect(
      (await supertest(harness.app).get('/api/session').set('Cookie', session.cookie)).status,
    ).toBe(401);
    const edit = await supertest(harness.app)
      .post('/api/draft/commands')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .send({
        baseRevision: 0,
        commands: [{ type: 'tracking.set', measureId: 'm38', progress: 5 }],
      });
    expect(edit.status).toBe(401);
  });

  it('revokes the session on sign-out, and only that one', async () => {
    const harness = await start();
    const laptop = await openSession(harness, 'editor');
    const phone = await openSession(harness, 'editor');
    const out = await supertest(harness.app)
      .delete('/api/session')
      .set('Cookie', laptop.cookie)
      .set('X-CSRF-Token', laptop.csrf);
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/leshan_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(
      (await supertest(harness.app).get('/api/draft').set('Cookie', laptop.cookie)).status,
    ).toBe(401);
    expect(
      (await supertest(harness.app).get('/api/draft').set('Cookie', phone.cookie)).status,
    ).toBe(200);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and Secure behind a TLS proxy', async () => {
    const plain = await start();
    await openSession(plain, 'editor');
    const res = await login(plain.app, 'editor@example.org', PASSWORD);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    await plain.close();
    const proxied = await start({ trustProxy: true });
    await openSession(proxied, 'editor');
    const tls = await login(proxied.app, 'editor@example.org', PASSWORD).set(
      'X-Forwarded-Proto',
      'https',
    );
    expect(String(tls.headers['set-cookie'])).toMatch(/; Secure/);
    expect(sessionCookie(tls.headers['set-cookie'])).toMatch(/^leshan_session=[\w-]{20,}$/);
  });

  it('never sends a password or its hash back, nor records it in the audit log', async () => {
    const harness = await start();
    const admin = await openSession(harness, 'admin');
    const agent = supertest(harness.app);
    const send = (method: 'post' | 'patch', path: string, body: object) =>
      agent[method](path).set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).send(body);
    const first = 'first secret password 甲乙丙';
    const second = 'second secret password 丁戊己';
    const created = await send('post', '/api/users', {
      email: 'new@example.org',
      displayName: '新编辑',
      role: 'editor',
      password: first,
    });
    expect(created.status).toBe(201);
    const reset = await send('post', `/api/users/${created.body.user.id}/password-reset`, {});
    expect(reset.status).toBe(200);
    const oneTime = reset.body.password as string;
    const once = await login(harness.app, 'new@example.org', oneTime);
    expect(once.body.user.mustChangePassword).toBe(true);
    const changed = await supertest(harness.app)
      .post('/api/session/password')
      .set('Cookie', sessionCookie(once.headers['set-cookie']))
      .set('X-CSRF-Token', once.body.csrfToken as string)
      .send({ currentPassword: oneTime, newPassword: second });
    expect(changed.status).toBe(200);
    const signedIn = await login(harness.app, 'new@example.org', second);
    expect(signedIn.status).toBe(200);
    const failed = await login(harness.app, 'new@example.org', first);
    expect(failed.status).toBe(401);
    const users = await supertest(harness.app).get('/api/users').set('Cookie', admin.cookie);
    const audit = await supertest(harness.app)
      .get('/api/audit?limit=500')
      .set('Cookie', admin.cookie);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'user.create',
        'user.password-reset',
        'password.change',
        'login',
        'login.failed',
      ]),
    );
    expect(audit.text).not.toContain(oneTime);
    for (const res of [created, reset, once, changed, signedIn, failed, users, audit]) {
      expect(res.text).not.toContain(first);
      expect(res.text).not.toContain(second);
      expect(res.text).not.toMatch(/scrypt|passwordHash|password_hash/i);
    }
  });
});
