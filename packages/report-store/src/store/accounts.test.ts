import { statSync } from 'node:fs';
import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/clock.js';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, freshStore, open, rawConnection } from '../../test/engines.js';
import { hashPassword } from '../auth/password.js';
import { ensureExportQueue } from '../db/export-queue.js';
import { migrationProvider } from '../db/migrations.js';
import type { LoginLimits, NewSession, Store, User } from '../index.js';
import { MAX_SESSIONS_PER_USER } from '../index.js';
import { legacySeed } from '../../test/legacy-release.js';

afterAll(cleanUp);

const PASSWORD = 'a sentence only I would say';
const limits: LoginLimits = {
  pairMax: 5,
  addressMax: 50,
  accountFree: 10,
  windowMs: 900_000,
  delayBaseMs: 1_000,
  delayCapMs: 60_000,
};

async function user(store: Store, name: string, role: User['role'] = 'editor'): Promise<User> {
  const created = await store.createUser({
    email: `${name}@example.cn`,
    displayName: name,
    role,
    password: PASSWORD,
  });
  if (!created.ok) throw new Error(created.error.message.en);
  return created.user;
}

const session = (store: Store, u: User, credentialVersion = u.credentialVersion) =>
  store.createSession({ userId: u.id, ttlMs: 60_000, credentialVersion });

async function signedIn(store: Store, u: User): Promise<NewSession> {
  const s = await session(store, u);
  if (!s.ok) throw new Error(s.error.message.en);
  return s;
}

/** A database as the release before this one left it: migrations 0001 and 0002 only, with data. */
async function previousRelease(target: Target): Promise<{ token: string; userId: string }> {
  const conn = rawConnection(target);
  if (target.databaseUrl !== undefined) await ensureExportQueue(target.databaseUrl);
  const migrator = new Migrator({ db: conn.db, provider: migrationProvider(conn.engine) });
  const { error } = await migrator.migrateTo('0002-export-deliveries');
  if (error !== undefined) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  await legacySeed(conn, editableCopy(canonicalReport), new Date().toISOString());
  const at = new Date().toISOString();
  const later = new Date(Date.now() + 3_600_000).toISOString();
  await sql`INSERT INTO users (id, email, display_name, role, password_hash, disabled, created_at, updated_at)
    VALUES ('u-old', 'old@example.cn', '老用户', 'admin', ${await hashPassword(PASSWORD)}, 0, ${at}, ${at})`.execute(
    conn.db,
  );
  // The token's sha256 is the id; the store hashes the token it is given the same way.
  const { sha256Hex } = await import('@leshan/report-core/hash');
  const token = 'token-of-the-previous-release';
  await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, last_seen_at)
    VALUES (${sha256Hex(token)}, 'u-old', 'csrf-old', ${at}, ${later}, ${at})`.execute(conn.db);
  await conn.close();
  return { token, userId: 'u-old' };
}

describe.each(engines)('accounts ($name)', (engine) => {
  it('migration 0003-accounts opens a database of the previous release and loses nothing', async () => {
    const target = await engine.fresh();
    const old = await previousRelease(target);
    const store = await open(target);
    expect(await store.listUsers()).toMatchObject([
      {
        id: 'u-old',
        email: 'old@example.cn',
        role: 'admin',
        mustChangePassword: false,
        credentialVersion: 0,
      },
    ]);
    expect((await store.authenticate('old@example.cn', PASSWORD))?.id).toBe(old.userId);
    expect((await store.getSession(old.token))?.user.id).toBe(old.userId);
    expect((await store.getDraft())?.revision).toBe(0);
    expect((await store.listEditions()).map((e) => e.number)).toEqual([1]);
    expect(
      (await store.reserveLoginAttempt({ email: 'old@example.cn', address: '::1', limits })).ok,
    ).toBe(true);
  });

  it('refuses short, blank and common passwords with a Chinese reason', async () => {
    const { store } = await freshStore(engine, { seed: false });
    for (const [password, reason] of [
      ['short pass', /至少 12 个字符/],
      [' '.repeat(12), /不能只由空格组成/],
      ['password1234', /常见密码/],
      ['Password1234 ', /常见密码/],
    ] as const) {
      const refused = await store.createUser({
        email: 'x@example.cn',
        displayName: 'x',
        role: 'admin',
        password,
      });
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).toMatch(reason);
    }
    expect(
      (
        await store.createUser({
          email: 'x@example.cn',
          displayName: 'x',
          role: 'admin',
          password: PASSWORD,
        })
      ).ok,
    ).toBe(true);
  });

  it('issue 15: 40 simultaneous guesses from one address are evaluated at most pairMax times', async () => {
    const { store } = await freshStore(engine, { seed: false });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        store.reserveLoginAttempt({ email: 'admin@example.cn', address: '10.0.0.1', limits }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limits.pairMax);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, limit: 'pair' });
  });

  it('issue 15: a success clears only its own account, never the address an attacker guesses from', async () => {
    const clock = manualClock();
    const { store } = await freshStore(engine, { seed: false, now: clock.now });
    const tight = { ...limits, addressMax: 6, pairMax: 100 };
    const reserve = (email: string) =>
      store.reserveLoginAttempt({ email, address: '10.0.0.9', limits: tight });
    let guesses = 0;
    for (let i = 0; i < 20; i += 1) {
      // A guess at someone else (fails), then a sign-in to the attacker's own account (succeeds).
      if ((await reserve(`victim${i}@example.cn`)).ok) guesses += 1;
      if ((await reserve('attacker@example.cn')).ok)
        await store.settleLoginAttempt({
          email: 'attacker@example.cn',
          address: '10.0.0.9',
          succeeded: true,
        });
    }
    expect(guesses).toBe(tight.addressMax);
  });

  it('issue 15: guessing at an account from one address only slows its owner elsewhere, with a growing wait', async () => {
    const clock = manualClock();
    const { store } = await freshStore(engine, { seed: false, now: clock.now });
    const reserve = (address: string) =>
      store.reserveLoginAttempt({ email: 'admin@example.cn', address, limits });
    for (let i = 0; i < limits.accountFree; i += 1)
      expect((await reserve(`10.0.1.${i}`)).ok).toBe(true);
    // The attacker's address is spent; the owner from another address waits one second at most.
    expect(await reserve('10.0.2.1')).toEqual({ ok: false, limit: 'account', retryAfterMs: 1_000 });
    clock.advance(1_000);
    expect((await reserve('10.0.2.1')).ok).toBe(true);
    clock.advance(1_000);
    expect(await reserve('10.0.2.2')).toEqual({ ok: false, limit: 'account', retryAfterMs: 1_000 });
    clock.advance(1_000);
    expect((await reserve('10.0.2.2')).ok).toBe(true);
    expect(await reserve('10.0.2.3')).toEqual({ ok: false, limit: 'account', retryAfterMs: 4_000 });
    await store.settleLoginAttempt({
      email: 'admin@example.cn',
      address: '10.0.2.2',
      succeeded: true,
    });
    expect((await reserve('10.0.2.3')).ok).toBe(true);
  });

  it('issue 15: two admins demoting each other at the same moment leave one admin', async () => {
    const { store } = await freshStore(engine, { seed: false });
    for (let round = 0; round < 5; round += 1) {
      const a = await user(store, `a${round}`, 'admin');
      const b = await user(store, `b${round}`, 'admin');
      for (const other of await store.listUsers())
        if (other.id !== a.id && other.id !== b.id) await store.deleteUser(other.id);
      const [first, second] = await Promise.all([
        round % 2 === 0
          ? store.updateUser(a.id, { role: 'editor' })
          : store.updateUser(a.id, { disabled: true }),
        round % 2 === 0 ? store.deleteUser(b.id) : store.updateUser(b.id, { role: 'publisher' }),
      ]);
      expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
      const refused = first.ok ? second : first;
      expect(refused.ok || refused.error.code).toBe('last-admin');
      const admins = (await store.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
      expect(admins).toHaveLength(1);
    }
  });

  it('issue 15: two admins removing each other at the same moment leave one admin', async () => {
    const { store } = await freshStore(engine, { seed: false });
    for (let round = 0; round < 5; round += 1) {
      const a = await user(store, `ra${round}`, 'admin');
      const b = await user(store, `rb${round}`, 'admin');
      for (const other of await store.listUsers())
        if (other.id !== a.id && other.id !== b.id) await store.deleteUser(other.id);
      const results = await Promise.all([store.deleteUser(a.id), store.deleteUser(b.id)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const admins = (await store.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
      expect(admins).toHaveLength(1);
    }
  });

  it('issue 15: a reset racing a sign-in leaves no session of the old password', async () => {
    const { store } = await freshStore(engine, { seed: false });
    const victim = await user(store, 'victim');
    let version = victim.credentialVersion;
    for (let round = 0; round < 10; round += 1) {
      const [created, reset] = await Promise.all([
        session(store, victim, version),
        store.setPassword({
          userId: victim.id,
          password: `new password number ${round}`,
          mustChange: true,
        }),
      ]);
      if (!reset.ok) throw new Error(reset.error.message.en);
      version = reset.user.credentialVersion;
      if (created.ok) expect(await store.getSession(created.token)).toBeNull();
      else expect(created.error.code).toBe('stale-credentials');
    }
    expect((await session(store, victim, 0)).ok).toBe(false);
  });

  it('changing one’s own password needs the current one and ends every session', async () => {
    const { store } = await freshStore(engine, { seed: false });
    const me = await user(store, 'me');
    const laptop = await signedIn(store, me);
    const wrong = await store.setPassword({
      userId: me.id,
      password: 'my brand new password',
      mustChange: false,
      currentPassword: 'not it at all',
    });
    expect(wrong.ok || wrong.error.code).toBe('bad-password');
    expect(await store.getSession(laptop.token)).not.toBeNull();
    const changed = await store.setPassword({
      userId: me.id,
      password: 'my brand new password',
      mustChange: false,
      currentPassword: PASSWORD,
    });
    expect(changed.ok && changed.user).toMatchObject({
      credentialVersion: 1,
      mustChangePassword: false,
    });
    expect(await store.getSession(laptop.token)).toBeNull();
  });

  it('caps sessions per user (the oldest ends) and purges expired ones', async () => {
    const clock = manualClock();
    const { store, target } = await freshStore(engine, { seed: false, now: clock.now });
    const me = await user(store, 'me');
    const other = await user(store, 'other');
    const stale = await signedIn(store, other);
    const opened: NewSession[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 2; i += 1) {
      clock.advance(1_000);
      opened.push(await signedIn(store, me));
    }
    const live = await Promise.all(
      opened.map(async (s) => (await store.getSession(s.token)) !== null),
    );
    expect(live).toEqual([false, false, ...Array<boolean>(MAX_SESSIONS_PER_USER).fill(true)]);
    clock.advance(60_000);
    await signedIn(store, me);
    const rows = await sql<{ id: string }>`select id from sessions`.execute(
      rawConnection(target).db,
    );
    expect(rows.rows.map((r) => r.id)).not.toContain(stale.session.id);
    expect(rows.rows).toHaveLength(1);
  });

  if (engine.name === 'sqlite') {
    it('creates the data folder 0700 and the database, -wal and -shm files 0600', async () => {
      const { store, target } = await freshStore(engine, { seed: false });
      await user(store, 'me');
      const file = target.sqliteFile ?? '';
      expect(statSync(file.replace(/\/[^/]+$/, '')).mode & 0o777).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`])
        expect(statSync(f).mode & 0o777).toBe(0o600);
    });
  }
});
