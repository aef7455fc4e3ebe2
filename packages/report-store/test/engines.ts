import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@leshan/report-core/model';
import { testDatabase } from '@leshan/testing/test-database';
import type { OpenStoreOptions, Store } from '../src/index.js';
import { openStore } from '../src/index.js';
import type { Connection } from '../src/db/connection.js';
import { openPostgres } from '../src/db/postgres-connection.js';
import { openSqlite } from '../src/db/sqlite-connection.js';

/** Where a fresh, empty database lives: options for openStore without the rest. */
export type Target = Pick<OpenStoreOptions, 'sqliteFile' | 'databaseUrl'>;

export interface TestEngine {
  name: 'sqlite' | 'postgres';
  /** A new empty database. */
  fresh: () => Promise<Target>;
}

const tempDirs: string[] = [];
const openStores: Pick<Store, 'close'>[] = [];

export const engines: TestEngine[] = [
  {
    name: 'sqlite',
    fresh: () => {
      const dir = mkdtempSync(join(tmpdir(), 'report-store-'));
      tempDirs.push(dir);
      return Promise.resolve({ sqliteFile: join(dir, 'nested', 'store.db') });
    },
  },
  {
    name: 'postgres',
    fresh: async () => ({ databaseUrl: await testDatabase() }),
  },
];

/** Opens a store that cleanUp closes. */
export async function open(
  target: Target,
  options: Omit<OpenStoreOptions, keyof Target> = {},
): Promise<Store> {
  const store = await openStore({ ...target, ...options });
  openStores.push(store);
  return store;
}

/** A fresh database of `engine`, opened and seeded with `seed`. */
export async function freshStore(
  engine: TestEngine,
  options: Omit<OpenStoreOptions, keyof Target> & { seed?: Report | false } = {},
): Promise<{ store: Store; target: Target }> {
  const target = await engine.fresh();
  return { store: await open(target, options), target };
}

/** Closes every store opened here and deletes the SQLite folders; call in afterAll. */
export async function cleanUp(): Promise<void> {
  await Promise.all(openStores.splice(0).map((s) => s.close().catch(() => undefined)));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The store's own connection to a target, below the Store API: for asserting what the database itself refuses. */
export function rawConnection(target: Target, readonly = false): Connection {
  const conn =
    target.databaseUrl === undefined
      ? openSqlite({ file: target.sqliteFile ?? '', readonly, busyTimeoutMs: 5_000 })
      : openPostgres({ url: target.databaseUrl, readonly, poolSize: 2 });
  openStores.push({ close: () => conn.close() });
  return conn;
}
