import type { TestProject } from 'vitest/node';
import { testEnv } from './env.js';
import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

// One throwaway PostgreSQL cluster for the whole run; each test gets its own database in it.
// Missing PostgreSQL binaries fail the run (never a skip): CI installs them.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres({ bin: testEnv.PG_BIN });
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.destroy();
}
