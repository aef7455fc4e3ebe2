import { request } from 'node:http';
import { createDatabase, startPostgres } from '@leshan/testing/postgres';
import type { PostgresCluster } from '@leshan/testing/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountAttackFigures } from './lib/figures.js';
import { recordFigures } from './lib/results.js';
import { ACCOUNTS } from './lib/secrets.js';
import { System } from './lib/system.js';

// Issue 15: sign-in and accounts attacked as an attacker would, from several loopback addresses
// (127.0.0.1 the attacker, 127.0.0.2 the owner, 127.0.0.3 a sprayer with an account of its own).

// Each attack runs on SQLite and on PostgreSQL (a throwaway cluster): the check-then-write rules
// (login counters, the last active admin, the session cap) must hold under bursts on both.

const ADDRESS_LIMIT = 20;
const ACCOUNT_FREE = 10;
const SESSION_CAP = 10;
let system: System;

const freshFigures = (): AccountAttackFigures => ({
  burstGuesses: 40,
  burstEvaluated: 0,
  burstLimit: 5,
  addressBurstGuesses: 60,
  addressBurstEvaluated: 0,
  accountBurstGuesses: 40,
  accountBurstAddresses: 40,
  accountBurstEvaluated: 0,
  accountBurstMs: 0,
  accountFreeAttempts: ACCOUNT_FREE,
  sprayGuesses: 60,
  sprayInterleavedSuccesses: 0,
  sprayEvaluated: 0,
  sprayAddressLimit: ADDRESS_LIMIT,
  ownerLockoutGuesses: 30,
  ownerSignedInFromOtherAddress: false,
  ownerWaitMs: 0,
  concurrentDemotionRounds: 6,
  concurrentDeletionRounds: 6,
  roundsLeavingNoAdmin: 0,
  resetRaceRounds: 10,
  oldPasswordSessionsAlive: 0,
  sessionBurstSignIns: 24,
  sessionCap: SESSION_CAP,
  sessionsAliveAfterBurst: 0,
  hostileBodies: 12,
  hostileBodyStatuses: {},
  healthP99DuringBodiesMs: 0,
  healthMaxDuringBodiesMs: 0,
  healthBaselineMaxMs: 0,
});
let figures = freshFigures();

interface Reply {
  status: number;
  json: Record<string, unknown>;
  cookie: string;
  retryAfter: number;
}

/** One request from a chosen loopback address (fetch cannot pick its source address). */
function send(
  method: string,
  path: string,
  options: {
    from?: string | undefined;
    body?: string | undefined;
    cookie?: string | undefined;
    csrf?: string | undefined;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, system.adminUrl);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
          ...(options.csrf === undefined ? {} : { 'x-csrf-token': options.csrf }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown>;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = {};
          }
          resolve({
            status: res.statusCode ?? 0,
            json,
            cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? '').join('; '),
            retryAfter: Number(res.headers['retry-after'] ?? 0),
          });
        });
      },
    );
    // A body the server refuses early may close the connection while it is still being sent.
    req.on('error', (error) =>
      resolve({ status: -1, json: { error: error.message }, cookie: '', retryAfter: 0 }),
    );
    req.end(options.body);
    void reject;
  });
}

interface Who {
  cookie: string;
  csrf: string;
  id: string;
}

const login = (email: string, password: string, from?: string) =>
  send('POST', '/api/session', { from, body: JSON.stringify({ email, password }) });

async function signIn(email: string, password: string, from?: string): Promise<Who> {
  const res = await login(email, password, from);
  if (res.status !== 200)
    throw new Error(`sign-in of ${email}: ${res.status} ${JSON.stringify(res.json)}`);
  return {
    cookie: res.cookie,
    csrf: String(res.json.csrfToken),
    id: String((res.json.user as { id: string }).id),
  };
}

const as = (who: Who, method: string, path: string, body?: object) =>
  send(method, path, {
    cookie: who.cookie,
    csrf: who.csrf,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function createUser(
  chief: Who,
  email: string,
  role: string,
  password: string,
): Promise<string> {
  const res = await as(chief, 'POST', '/api/users', {
    email,
    displayName: email.split('@')[0],
    role: 'editor',
    password,
  });
  if (res.status !== 201)
    throw new Error(`create ${email}: ${res.status} ${JSON.stringify(res.json)}`);
  const id = String((res.json.user as { id: string }).id);
  if (role === 'admin')
    await as(chief, 'PATCH', `/api/users/${id}`, { role: 'admin', confirmAdmin: true });
  return id;
}

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function healthTimes(until: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  while (!done) {
    const started = performance.now();
    await fetch(`${system.adminUrl}/healthz`);
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

/** `n` requests sent at once. */
const burst = <T>(n: number, send1: (i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => send1(i)));

const isAdmin = (r: Reply): boolean =>
  r.status === 200 && (r.json.user as { role: string }).role === 'admin';

type Engine = 'sqlite' | 'postgres';

function attacks(engine: Engine): void {
  let cluster: PostgresCluster | undefined;

  beforeAll(async () => {
    figures = freshFigures();
    let storeEnv: Record<string, string> = {};
    if (engine === 'postgres') {
      cluster = await startPostgres();
      storeEnv = { DATABASE_URL: await createDatabase(cluster.url('postgres')) };
    }
    system = await System.create(`accounts-${engine}`, {
      ...storeEnv,
      LOGIN_ADDRESS_MAX_ATTEMPTS: String(ADDRESS_LIMIT),
      LOGIN_ACCOUNT_FREE_ATTEMPTS: String(ACCOUNT_FREE),
    });
    await system.startAdmin();
  });

  afterAll(async () => {
    try {
      recordFigures('accounts', engine, figures);
    } finally {
      await system.stop();
      await cluster?.destroy();
    }
  });

  it('a burst of 40 guesses sent at once is evaluated at most 5 times', async () => {
    const replies = await burst(figures.burstGuesses, (i) =>
      login(ACCOUNTS.admin.email, `burst guess ${i} x`),
    );
    figures.burstEvaluated = replies.filter((r) => r.status === 401).length;
    expect(replies.filter((r) => r.status === 429)).toHaveLength(
      figures.burstGuesses - figures.burstEvaluated,
    );
    expect(figures.burstEvaluated).toBeLessThanOrEqual(figures.burstLimit);
  });

  it('a burst at many accounts from one address is evaluated at most the address limit', async () => {
    const replies = await burst(figures.addressBurstGuesses, (i) =>
      login(`address-burst-${i}@reliability.example.org`, `address guess ${i} x`, '127.0.0.4'),
    );
    figures.addressBurstEvaluated = replies.filter((r) => r.status === 401).length;
    expect(replies.filter((r) => r.status === 429)).toHaveLength(
      figures.addressBurstGuesses - figures.addressBurstEvaluated,
    );
    expect(figures.addressBurstEvaluated).toBeLessThanOrEqual(ADDRESS_LIMIT);
  });

  it('a burst at one account from many addresses is evaluated at most its free attempts, then one per growing delay', async () => {
    const started = performance.now();
    const replies = await burst(figures.accountBurstGuesses, (i) =>
      login(
        'account-burst@reliability.example.org',
        `account guess ${i} x`,
        `127.0.2.${(i % figures.accountBurstAddresses) + 1}`,
      ),
    );
    figures.accountBurstMs = Math.round(performance.now() - started);
    figures.accountBurstEvaluated = replies.filter((r) => r.status === 401).length;
    expect(replies.filter((r) => r.status === 429)).toHaveLength(
      figures.accountBurstGuesses - figures.accountBurstEvaluated,
    );
    // Past the free attempts each one waits 1 s, 2 s, 4 s… after the last: k more take 2^k − 1 s.
    const delayed = Math.floor(Math.log2(figures.accountBurstMs / 1000 + 1));
    expect(figures.accountBurstEvaluated).toBeLessThanOrEqual(ACCOUNT_FREE + delayed);
  });

  it('guessing on from the attacker’s address does not lock the owner out at another address', async () => {
    for (let i = 0; i < figures.ownerLockoutGuesses; i += 1)
      await login(ACCOUNTS.admin.email, `lockout guess ${i} x`);
    const started = performance.now();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const res = await login(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
      if (res.status === 200) {
        figures.ownerSignedInFromOtherAddress = true;
        break;
      }
      await new Promise((r) => setTimeout(r, res.retryAfter * 1000));
    }
    figures.ownerWaitMs = Math.round(performance.now() - started);
    expect(figures.ownerSignedInFromOtherAddress).toBe(true);
  });

  it('spraying many accounts with interleaved successes is held at the address limit', async () => {
    const chief = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
    await createUser(
      chief,
      'sprayer@reliability.example.org',
      'editor',
      'the sprayer has an account too',
    );
    for (let i = 0; i < figures.sprayGuesses; i += 1) {
      const guess = await login(
        `victim-${i}@reliability.example.org`,
        `spray guess ${i} x`,
        '127.0.0.3',
      );
      if (guess.status === 401) figures.sprayEvaluated += 1;
      const own = await login(
        'sprayer@reliability.example.org',
        'the sprayer has an account too',
        '127.0.0.3',
      );
      if (own.status === 200) figures.sprayInterleavedSuccesses += 1;
    }
    expect(figures.sprayEvaluated).toBeLessThanOrEqual(ADDRESS_LIMIT);
  });

  it('two admins demoting each other at the same moment always leave one', async () => {
    const chief = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
    const deputyPassword = 'the deputy admin password';
    await createUser(chief, 'deputy@reliability.example.org', 'admin', deputyPassword);
    const accounts = [
      { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password },
      { email: 'deputy@reliability.example.org', password: deputyPassword },
    ];
    for (let round = 0; round < figures.concurrentDemotionRounds; round += 1) {
      const [a, b] = await Promise.all(
        accounts.map((x) => signIn(x.email, x.password, '127.0.0.2')),
      );
      if (a === undefined || b === undefined) throw new Error('no sessions');
      await Promise.all([
        as(
          a,
          'PATCH',
          `/api/users/${b.id}`,
          round % 2 === 0 ? { role: 'editor' } : { disabled: true },
        ),
        as(b, 'PATCH', `/api/users/${a.id}`, { role: 'publisher' }),
      ]);
      // Whoever is still an admin restores the other for the next round.
      const survivors = await Promise.all(
        accounts.map((x) => login(x.email, x.password, '127.0.0.2')),
      );
      const survivor = survivors.findIndex(
        (r) => r.status === 200 && (r.json.user as { role: string }).role === 'admin',
      );
      if (survivor < 0) {
        figures.roundsLeavingNoAdmin += 1;
        break;
      }
      const s = survivors[survivor] as Reply;
      const who = { cookie: s.cookie, csrf: String(s.json.csrfToken), id: '' };
      const admins = survivors.filter(
        (r) => r.status === 200 && (r.json.user as { role: string }).role === 'admin',
      );
      expect(admins).toHaveLength(1);
      const other = survivor === 0 ? b : a;
      await as(who, 'PATCH', `/api/users/${other.id}`, {
        role: 'admin',
        disabled: false,
        confirmAdmin: true,
      });
    }
    expect(figures.roundsLeavingNoAdmin).toBe(0);
  });

  it('two admins removing, demoting or disabling each other at the same moment always leave one', async () => {
    const deputyPassword = 'the removable deputy password';
    // The two racing must be the only admins: the deputy of the test before goes first.
    const first = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
    const listed = await as(first, 'GET', '/api/users');
    for (const other of listed.json.users as { id: string; role: string }[])
      if (other.role === 'admin' && other.id !== first.id)
        expect((await as(first, 'DELETE', `/api/users/${other.id}`)).status).toBe(200);
    for (let round = 0; round < figures.concurrentDeletionRounds; round += 1) {
      const chief = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
      const deputyEmail = `deputy-${round}@reliability.example.org`;
      await createUser(chief, deputyEmail, 'admin', deputyPassword);
      const deputy = await signIn(deputyEmail, deputyPassword, '127.0.0.2');
      const variant = round % 3;
      const race = await Promise.all([
        variant === 2
          ? as(chief, 'PATCH', `/api/users/${deputy.id}`, { disabled: true })
          : as(chief, 'DELETE', `/api/users/${deputy.id}`),
        variant === 1
          ? as(deputy, 'PATCH', `/api/users/${chief.id}`, { role: 'editor' })
          : as(deputy, 'DELETE', `/api/users/${chief.id}`),
      ]);
      const [chiefNow, deputyNow] = await Promise.all([
        login(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2'),
        login(deputyEmail, deputyPassword, '127.0.0.2'),
      ]);
      if (chiefNow === undefined || deputyNow === undefined) throw new Error('no replies');
      const admins = [chiefNow, deputyNow].filter(isAdmin);
      const seen = `round ${round}: race ${race.map((r) => `${r.status} ${JSON.stringify(r.json.code)}`).join(', ')}; sign-ins ${chiefNow.status}, ${deputyNow.status}`;
      if (admins.length === 0) {
        figures.roundsLeavingNoAdmin += 1;
        throw new Error(`no active admin left: ${seen}`);
      }
      expect(admins, seen).toHaveLength(1);
      // The deputy, when it won, gives the chief back its account; then the chief removes it,
      // so the two racing are the only admins of the next round.
      if (!isAdmin(chiefNow)) {
        const who = { cookie: deputyNow.cookie, csrf: String(deputyNow.json.csrfToken), id: '' };
        if (chiefNow.status === 200)
          await as(who, 'PATCH', `/api/users/${chief.id}`, { role: 'admin', confirmAdmin: true });
        else await createUser(who, ACCOUNTS.admin.email, 'admin', ACCOUNTS.admin.password);
      }
      const restored = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
      const gone = await as(restored, 'DELETE', `/api/users/${deputy.id}`);
      expect(
        [200, 404],
        `${seen}; the chief removes the deputy: ${gone.status} ${JSON.stringify(gone.json)}`,
      ).toContain(gone.status);
    }
    expect(figures.roundsLeavingNoAdmin).toBe(0);
  });

  it('a password reset racing a sign-in with the old password leaves no live session', async () => {
    const chief = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
    let password = 'the racing editor password';
    const id = await createUser(chief, 'racer@reliability.example.org', 'editor', password);
    for (let round = 0; round < figures.resetRaceRounds; round += 1) {
      const [signedIn, reset] = await Promise.all([
        login('racer@reliability.example.org', password, '127.0.0.2'),
        as(chief, 'POST', `/api/users/${id}/password-reset`),
      ]);
      expect(reset.status).toBe(200);
      password = String(reset.json.password);
      if (signedIn.status === 200) {
        const alive = await send('GET', '/api/session', { cookie: signedIn.cookie });
        if (alive.status === 200) figures.oldPasswordSessionsAlive += 1;
      }
    }
    expect(figures.oldPasswordSessionsAlive).toBe(0);
  });

  it(`sign-ins in bursts leave at most ${SESSION_CAP} live sessions of one user`, async () => {
    const chief = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password, '127.0.0.2');
    const password = 'the much travelled editor password';
    await createUser(chief, 'sessions@reliability.example.org', 'editor', password);
    const wave = 8;
    const cookies: string[] = [];
    for (let start = 0; start < figures.sessionBurstSignIns; start += wave) {
      const replies = await burst(wave, (i) =>
        login('sessions@reliability.example.org', password, `127.0.1.${start + i + 1}`),
      );
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
      cookies.push(...replies.map((r) => r.cookie));
    }
    const alive = await Promise.all(
      cookies.map((cookie) => send('GET', '/api/session', { cookie })),
    );
    figures.sessionsAliveAfterBurst = alive.filter((r) => r.status === 200).length;
    expect(figures.sessionsAliveAfterBurst).toBe(SESSION_CAP);
  });

  it('large and deeply nested bodies before sign-in do not stall the admin’s own health check', async () => {
    const baseline = await healthTimes(new Promise((r) => setTimeout(r, 1_000)));
    figures.healthBaselineMaxMs = Math.round(Math.max(...baseline));
    const nested = `${'['.repeat(1_700_000)}${']'.repeat(1_700_000)}`;
    const bodies = Promise.all(
      Array.from({ length: figures.hostileBodies }, (_, i) =>
        send('POST', '/api/session', {
          body: i % 2 === 0 ? nested : `{"email":"a@b.cn","password":"${'x'.repeat(3_400_000)}"}`,
        }),
      ),
    );
    const during = await healthTimes(bodies);
    for (const r of await bodies)
      figures.hostileBodyStatuses[String(r.status)] =
        (figures.hostileBodyStatuses[String(r.status)] ?? 0) + 1;
    figures.healthP99DuringBodiesMs = Math.round(percentile(during, 99));
    figures.healthMaxDuringBodiesMs = Math.round(Math.max(...during));
    expect(Object.keys(figures.hostileBodyStatuses).every((s) => s === '413' || s === '-1')).toBe(
      true,
    );
    expect(figures.healthMaxDuringBodiesMs).toBeLessThan(1_000);
  });
}

describe.each<Engine>(['sqlite', 'postgres'])(
  'issue 15: attacks on sign-in and accounts (%s)',
  attacks,
);
