import type { TestProject } from 'vitest/node';
// The store's own throwaway-cluster helper (initdb in a temp folder, pg_ctl on a free port):
// one implementation for both packages' tests.
import { startPostgres } from '../../../../packages/report-store/test/postgres.js';
import { testEnv } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

// One PostgreSQL cluster per test run; each test creates its own database in it. Missing
// PostgreSQL binaries fail the run (never a skip).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres({ bin: testEnv.PG_BIN });
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.destroy();
}
