import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@leshan/report-store';
import type { AdminConfig } from './deps.js';
import type { AdminRoute, Role } from './http/route.js';
import { roleAllows } from './http/route.js';
import { adminRoutes } from './server.js';
import type { Harness } from './testing/admin-harness.js';
import { TEST_CONFIG } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import type { ProbeRequest } from './testing/route-requests.js';
import { PROBE_LOGIN, routeCases } from './testing/route-requests.js';
import type { Session } from './testing/session-cookie.js';
import { openSession } from './testing/session-cookie.js';

type Caller = 'anonymous' | Role | 'disabled';
const CALLERS: Caller[] = ['anonymous', 'reporter', 'editor', 'publisher', 'admin', 'disabled'];
const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);
const CONFIG: AdminConfig = { ...TEST_CONFIG, sessionTtlMs: 60_000, exportFormats: ['json'] };

const keyOf = (r: AdminRoute): string => `${r.method} ${r.path}`;

/** What the access rule promises a caller: success, or the refusal's status. */
function expected(route: AdminRoute, caller: Caller): 'ok' | 401 | 403 {
  if (route.access === 'public') return 'ok';
  if (caller === 'anonymous' || caller === 'disabled') return 401;
  if (route.access === 'signed-in') return 'ok';
  return roleAllows(caller, route.access) ? 'ok' : 403;
}

/** What the caller can observe changing: draft revision, editions, accounts, submissions, site settings. */
async function fingerprint(store: Store): Promise<string> {
  const [draft, editions, users, submissions, site] = await Promise.all([
    store.getDraft(),
    store.listEditions(),
    store.listUsers(),
    store.listSubmissions(),
    store.getSiteSettings(),
  ]);
  return JSON.stringify([
    draft?.revision,
    editions.length,
    users.map((u) => [u.email, u.displayName, u.role, u.disabled]),
    submissions.map((s) => s.status),
    site.version,
  ]);
}

describe.each(engines)('access to every admin route ($name)', (engine) => {
  let h: Harness;
  const sessions = new Map<Caller, Session | undefined>();
  let adminId = '';
  beforeAll(async () => {
    h = await engine.start();
    const probe = await h.store.createUser({
      ...PROBE_LOGIN,
      displayName: 'probe',
      role: 'editor',
    });
    if (!probe.ok) throw new Error(probe.error.message.en);
    for (const role of ['reporter', 'editor', 'publisher', 'admin'] as const)
      sessions.set(role, await openSession(h, role));
    adminId = sessions.get('admin')?.userId ?? '';
    // An admin whose account was disabled after signing in: its cookie must stop working.
    const disabled = await openSession(h, 'admin', 'disabled-admin');
    await h.store.updateUser(disabled.userId, { disabled: true });
    sessions.set('disabled', disabled);
  });
  afterAll(() => h.close());

  it('has a valid request for every route, and none for a route that is gone', () => {
    const keys = adminRoutes({
      store: h.store,
      logger: pino({ level: 'silent' }),
      config: CONFIG,
    }).map(keyOf);
    expect(keys.filter((k) => routeCases[k] === undefined)).toEqual([]);
    expect(Object.keys(routeCases).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('answers each caller as the route’s access rule says, refusing without changing anything', async () => {
    const routes = adminRoutes({
      store: h.store,
      logger: pino({ level: 'silent' }),
      config: CONFIG,
    });
    const wrong: string[] = [];
    let serial = 0;
    for (const route of routes) {
      const spec = routeCases[keyOf(route)];
      if (spec === undefined) continue; // reported by the test above
      expect(
        route.params === undefined || spec.missing !== undefined,
        `${keyOf(route)} needs a missing-id request`,
      ).toBe(true);
      for (const caller of CALLERS) {
        let who = sessions.get(caller);
        if (spec.endsSession === true && who !== undefined && caller !== 'disabled')
          who = await openSession(h, caller as Role, `${caller}-once-${serial}`);
        const send = (req: ProbeRequest, csrf: string | undefined) => {
          const agent = supertest(h.app);
          const test = agent[route.method](req.path).query(req.query ?? {});
          if (who !== undefined) void test.set('Cookie', who.cookie);
          if (csrf !== undefined) void test.set('X-CSRF-Token', csrf);
          return req.body === undefined ? test : test.send(req.body as object);
        };
        const want = expected(route, caller);
        const label = `${keyOf(route)} as ${caller}`;
        serial += 1;
        const req = await spec.valid({ store: h.store, adminId, serial });
        const before = await fingerprint(h.store);
        if (want !== 401 && route.access !== 'public' && STATE_CHANGING.has(route.method)) {
          // Without the token, or with another session's token: refused before anything happens,
          // as a forgery even when the role may not call the route (the token is checked first:
          // an admin's forged POST to a reporter route once answered `forbidden`).
          const otherToken = sessions.get(caller === 'editor' ? 'admin' : 'editor')?.csrf;
          for (const csrf of [undefined, otherToken]) {
            const res = await send(req, csrf);
            if (res.status !== 403 || res.body.code !== 'csrf')
              wrong.push(
                `${label} with CSRF ${csrf === undefined ? 'missing' : 'of another session'}: ${res.status} ${res.body.code}`,
              );
          }
          if ((await fingerprint(h.store)) !== before)
            wrong.push(`${label}: a request without a valid CSRF token changed the store`);
        }
        const res = await send(req, who?.csrf);
        if (want === 'ok') {
          if (!(res.status in route.responses) || res.status >= 300)
            wrong.push(
              `${label}: expected success, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
        } else {
          if (res.status !== want) wrong.push(`${label}: expected ${want}, got ${res.status}`);
          if ((await fingerprint(h.store)) !== before)
            wrong.push(`${label}: a refused request changed the store`);
        }
        if (spec.missing !== undefined && caller !== 'anonymous') {
          const gone = await send(spec.missing, who?.csrf);
          const wantGone = want === 'ok' ? 404 : want;
          if (gone.status !== wantGone)
            wrong.push(`${label} for a missing id: expected ${wantGone}, got ${gone.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(serial).toBe(routes.length * CALLERS.length);
    // About 120 requests, a quarter of them sign-ins (scrypt), and import routes that parse and
    // merge on a worker thread which starts cold (issues 14, 15), on a shared machine.
  }, 180_000);
});
