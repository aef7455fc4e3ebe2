import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/clock.js';
import type { NewSession, Store, User } from '../index.js';
import { cleanUp, engines, freshStore, rawConnection } from '../../test/engines.js';

afterAll(cleanUp);

async function signedIn(store: Store, user: User): Promise<NewSession> {
  const session = await store.createSession({
    userId: user.id,
    ttlMs: 60_000,
    credentialVersion: user.credentialVersion,
  });
  if (!session.ok) throw new Error(session.error.message.en);
  return session;
}

const alice = {
  email: 'Alice@Example.cn',
  displayName: '爱丽丝',
  role: 'editor' as const,
  password: 'correct horse battery',
};

describe.each(engines)('users ($name)', (engine) => {
  it('creates users with a unique lower-case e-mail and a scrypt hash that never leaves the store', async () => {
    const { store, target } = await freshStore(engine);
    const created = await store.createUser(alice);
    expect(created.ok && created.user).toMatchObject({
      email: 'alice@example.cn',
      role: 'editor',
      disabled: false,
    });
    expect(created.ok && Object.keys(created.user)).not.toContain('passwordHash');
    const duplicate = await store.createUser({ ...alice, email: 'ALICE@example.cn' });
    expect(duplicate.ok || duplicate.error.code).toBe('email-taken');
    const weak = await store.createUser({ ...alice, email: 'bob@example.cn', password: 'short' });
    expect(weak.ok || weak.error.code).toBe('invalid-input');
    const rows = await sql<{ password_hash: string }>`select password_hash from users`.execute(
      rawConnection(target).db,
    );
    expect(rows.rows[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(await store.countUsers()).toBe(1);
  });

  it('authenticates the right password only, and never a disabled user', async () => {
    const { store } = await freshStore(engine);
    const created = await store.createUser(alice);
    if (!created.ok) throw new Error('not created');
    expect((await store.authenticate('alice@example.cn', alice.password))?.id).toBe(
      created.user.id,
    );
    expect(await store.authenticate('alice@example.cn', 'wrong password!')).toBeNull();
    expect(await store.authenticate('nobody@example.cn', alice.password)).toBeNull();
    const disabled = await store.updateUser(created.user.id, { disabled: true, role: 'publisher' });
    expect(disabled.ok && disabled.user).toMatchObject({ disabled: true, role: 'publisher' });
    expect(await store.authenticate('alice@example.cn', alice.password)).toBeNull();
    expect((await store.updateUser('nobody', { displayName: 'x' })).ok).toBe(false);
  });
});

describe.each(engines)('sessions ($name)', (engine) => {
  it('stores only the token’s hash, and expires and revokes sessions', async () => {
    const clock = manualClock();
    const { store, target } = await freshStore(engine, { now: clock.now });
    const created = await store.createUser(alice);
    if (!created.ok) throw new Error('not created');
    const { token, session } = await signedIn(store, created.user);
    expect(session.id).not.toBe(token);
    const ids = await sql<{ id: string }>`select id from sessions`.execute(
      rawConnection(target).db,
    );
    expect(ids.rows.map((r) => r.id)).toEqual([session.id]);
    clock.advance(30_000);
    const live = await store.getSession(token);
    expect(live?.user.id).toBe(created.user.id);
    expect(live?.session).toMatchObject({
      csrfToken: session.csrfToken,
      lastSeenAt: '2026-03-01T08:00:30.000Z',
    });
    clock.advance(30_000);
    expect(await store.getSession(token)).toBeNull();
    expect(await store.deleteExpiredSessions()).toBe(1);
    const second = await signedIn(store, created.user);
    expect(await store.revokeSession(second.token)).toBe(true);
    expect(await store.getSession(second.token)).toBeNull();
  });

  it('ends a user’s sessions when the user is disabled or the password changes', async () => {
    const { store } = await freshStore(engine);
    const created = await store.createUser(alice);
    if (!created.ok) throw new Error('not created');
    const { token } = await signedIn(store, created.user);
    const changed = await store.setPassword({
      userId: created.user.id,
      password: 'another long password',
      mustChange: false,
    });
    expect(changed.ok).toBe(true);
    expect(await store.getSession(token)).toBeNull();
    expect(await store.authenticate(alice.email, 'another long password')).not.toBeNull();
  });
});
