import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';
// Declares the value provided here (vitest's ProvidedContext).
import type {} from './test-database.js';

/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run; each test gets its own
 * database in it (test-database.ts). Missing PostgreSQL binaries fail the run, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.destroy();
}
