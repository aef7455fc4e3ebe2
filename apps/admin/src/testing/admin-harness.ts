import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import supertest from 'supertest';
import type { Store } from '@leshan/report-store';
import { openStore } from '@leshan/report-store';
import type { Role } from '../http/route.js';
import type { AdminConfig } from '../deps.js';
import { createServer } from '../server.js';

export const PASSWORD = 'correct horse battery staple';
export const FORMATS = ['json', 'csv-measures'] as const;

/** The admin's settings in tests; each test overrides what it checks. */
export const TEST_CONFIG: AdminConfig = {
  sessionTtlMs: 3_600_000,
  loginMaxAttempts: 5,
  loginWindowMs: 60_000,
  loginAddressMaxAttempts: 50,
  loginAccountFreeAttempts: 10,
  loginDelayCapMs: 60_000,
  viewerUrl: 'http://viewer.test',
  webDir: undefined,
  exportFormats: FORMATS,
  trustProxy: false,
  bodyLimit: '1mb',
  publicBodyLimit: '16kb',
  maxJsonDepth: 64,
};

export interface Harness {
  store: Store;
  /** Where the store lives, for tests that reach the database below the store (raw SQL). */
  target: { sqliteFile: string } | { databaseUrl: string };
  app: ReturnType<typeof createServer>;
  close: () => Promise<void>;
}

/**
 * An admin server on a fresh store (SQLite temp file, or PostgreSQL when databaseUrl is given);
 * `now` is the store's clock (session expiry, leases), for tests that move time instead of waiting.
 */
export async function startAdmin(
  options: {
    databaseUrl?: string | undefined;
    config?: Partial<AdminConfig> | undefined;
    now?: (() => Date) | undefined;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'leshan-admin-'));
  const sqliteFile = join(dir, 'test.db');
  const store = await openStore({ sqliteFile, databaseUrl: options.databaseUrl, now: options.now });
  const app = createServer({
    store,
    logger: pino({ level: 'silent' }),
    config: {
      ...TEST_CONFIG,
      ...options.config,
    },
  });
  return {
    store,
    target:
      options.databaseUrl === undefined ? { sqliteFile } : { databaseUrl: options.databaseUrl },
    app,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Agent {
  agent: ReturnType<typeof supertest.agent>;
  csrf: string;
  userId: string;
}

/** Creates a user of the role (if needed) and signs in; the agent keeps the session cookie. */
export async function signIn(h: Harness, role: Role, name: string = role): Promise<Agent> {
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
  const agent = supertest.agent(h.app);
  const res = await agent.post('/api/session').send({ email, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as { csrfToken: string; user: { id: string } };
  return { agent, csrf: body.csrfToken, userId: body.user.id };
}
