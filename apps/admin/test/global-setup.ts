import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../packages/report-store/test/postgres.js';
import { testEnv } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

// One throwaway PostgreSQL cluster for the run (the store's own test helper); each test gets its own
// database in it. Missing binaries fail the run with the helper's install hint: never a skip.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres({ bin: testEnv.PG_BIN }).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`admin API tests need a real PostgreSQL next to SQLite; ${why}`);
  });
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.destroy();
}
