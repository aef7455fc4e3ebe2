import supertest from 'supertest';
import type { Role } from '../http/route.js';
import type { Harness } from './admin-harness.js';
import { PASSWORD } from './admin-harness.js';

/** A signed-in session held as a raw Cookie header: nothing a response sets can change it. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** The session cookie a login response set, as a Cookie header value. */
export function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie];
  const found = all.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('leshan_session='));
  if (found === undefined) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return found;
}

/** Creates a user of the role (if needed) and signs in once. */
export async function openSession(h: Harness, role: Role, name: string = role): Promise<Session> {
  const email = `${name}@example.org`;
  if ((await h.store.findUserByEmail(email)) === null) {
    const created = await h.store.createUser({
      email,
      displayName: name,
      role,
      password: PASSWORD,
    });
    if (!created.ok) throw new Error(created.error.message.en);
  }
  const res = await supertest(h.app).post('/api/session').send({ email, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as { csrfToken: string; user: { id: string } };
  return {
    cookie: sessionCookie(res.headers['set-cookie']),
    csrf: body.csrfToken,
    userId: body.user.id,
  };
}
