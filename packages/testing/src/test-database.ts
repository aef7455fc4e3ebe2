import { inject } from 'vitest';
import { createDatabase } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by postgres-setup.ts: the cluster's `postgres` database, to create test databases from. */
    postgresAdminUrl: string;
  }
}

/** A new empty database in the run's PostgreSQL cluster (postgres-setup.ts as globalSetup). */
export function testDatabase(): Promise<string> {
  return createDatabase(inject('postgresAdminUrl'));
}
