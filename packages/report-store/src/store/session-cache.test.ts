import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/clock.js';
import { cleanUp, engines, freshStore, open, rawConnection } from '../../test/engines.js';
import type { Store, User } from '../index.js';

afterAll(cleanUp);

const sqlite = engines.find((e) => e.name === 'sqlite');
if (sqlite === undefined) throw new Error('no sqlite engine');

async function editor(store: Store, name: string): Promise<User> {
  const created = await store.createUser({
    email: `${name}@example.cn`,
    displayName: name,
    role: 'editor',
    password: 'a sentence only I would say',
  });
  if (!created.ok) throw new Error(created.error.message.en);
  return created.user;
}

async function signIn(store: Store, user: User, ttlMs = 60_000): Promise<string> {
  const s = await store.createSession({
    userId: user.id,
    ttlMs,
    credentialVersion: user.credentialVersion,
  });
  if (!s.ok) throw new Error(s.error.message.en);
  return s.token;
}

// The admin looks sessions up with touch: false on every request; those lookups are kept for a
// few seconds (issue 13). Each test first looks the session up, so a kept answer exists.
const lookUp = (store: Store, token: string) => store.getSession(token, { touch: false });

describe('issue 13: kept session lookups never let a revoked session in (sqlite)', () => {
  it('refuses a session at once after it is signed out', async () => {
    const { store } = await freshStore(sqlite, { seed: false });
    const token = await signIn(store, await editor(store, 'a'));
    expect(await lookUp(store, token)).not.toBeNull();
    expect(await lookUp(store, token)).not.toBeNull();
    await store.revokeSession(token);
    expect(await lookUp(store, token)).toBeNull();
  });

  it('refuses every session of a user at once after a password change, disabling or deletion', async () => {
    const { store } = await freshStore(sqlite, { seed: false });
    for (const end of [
      (u: User) =>
        store.setPassword({
          userId: u.id,
          password: 'another long sentence of mine',
          mustChange: false,
        }),
      (u: User) => store.updateUser(u.id, { disabled: true }),
      (u: User) => store.deleteUser(u.id),
      (u: User) => store.revokeUserSessions(u.id),
    ]) {
      const u = await editor(store, `u${Math.random().toString(36).slice(2, 8)}`);
      const token = await signIn(store, u);
      expect(await lookUp(store, token)).not.toBeNull();
      await end(u);
      expect(await lookUp(store, token)).toBeNull();
    }
  });

  it('answers a role change at once', async () => {
    const { store } = await freshStore(sqlite, { seed: false });
    const u = await editor(store, 'b');
    const token = await signIn(store, u);
    expect((await lookUp(store, token))?.user.role).toBe('editor');
    await store.updateUser(u.id, { role: 'publisher' });
    expect((await lookUp(store, token))?.user.role).toBe('publisher');
  });

  it('refuses a session revoked by another process (another connection) at once', async () => {
    const { store, target } = await freshStore(sqlite, { seed: false });
    const other = await open(target);
    const u = await editor(store, 'c');
    const token = await signIn(store, u);
    expect(await lookUp(store, token)).not.toBeNull();
    await other.revokeUserSessions(u.id);
    expect(await lookUp(store, token)).toBeNull();

    // And below the store: a raised credential version written with plain SQL.
    const again = await signIn(store, u);
    expect(await lookUp(store, again)).not.toBeNull();
    const raw = rawConnection(target);
    await sql`UPDATE users SET credential_version = credential_version + 1 WHERE id = ${u.id}`.execute(
      raw.db,
    );
    expect(await lookUp(store, again)).toBeNull();
  });

  it('refuses a kept session once it expired', async () => {
    const clock = manualClock();
    const { store } = await freshStore(sqlite, { seed: false, now: clock.now });
    const token = await signIn(store, await editor(store, 'd'), 1_000);
    expect(await lookUp(store, token)).not.toBeNull();
    clock.advance(1_001);
    expect(await lookUp(store, token)).toBeNull();
  });
});
