import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenStoreOptions, Store } from '@leshan/report-store';
import { openStore } from '@leshan/report-store';
import { testDatabase } from '@leshan/testing/test-database';
import { syntheticReport } from './synthetic-edition.js';

/** Where a test database lives: the openStore options a child process gets as env too. */
export type StoreTarget = Pick<OpenStoreOptions, 'sqliteFile' | 'databaseUrl'>;

const dirs: string[] = [];
const stores: Store[] = [];

/** A fresh temporary folder, deleted by cleanUpTemp. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'export-worker-'));
  dirs.push(dir);
  return dir;
}

export const sqliteTarget = (): StoreTarget => ({ sqliteFile: join(tempDir(), 'store.db') });

/** A new empty database in the run's PostgreSQL cluster (@leshan/testing/postgres-setup). */
export const postgresTarget = async (): Promise<StoreTarget> => ({
  databaseUrl: await testDatabase(),
});

/**
 * Opens a store seeded with the small synthetic report as edition 1 (fast to render), retrying
 * failed jobs after 10 ms instead of 30 s.
 */
export async function openTestStore(
  target: StoreTarget,
  options: Omit<OpenStoreOptions, keyof StoreTarget> = {},
): Promise<Store> {
  const store = await openStore({
    seed: syntheticReport,
    jobs: { backoffMs: 10, backoffCapMs: 50 },
    ...target,
    ...options,
  });
  stores.push(store);
  return store;
}

/** Closes the stores opened here and deletes the temporary folders; call in afterAll. */
export async function cleanUpTemp(): Promise<void> {
  await Promise.all(stores.splice(0).map((s) => s.close().catch(() => undefined)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
