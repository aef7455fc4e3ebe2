import { testDatabase } from '@leshan/testing/test-database';
import type { AdminConfig } from '../deps.js';
import type { Harness } from './admin-harness.js';
import { startAdmin } from './admin-harness.js';

/** One database engine the admin API is tested on; `start` gives a server on a fresh, seeded database. */
export interface AdminEngine {
  name: 'sqlite' | 'postgres';
  start: (config?: Partial<AdminConfig>, now?: () => Date) => Promise<Harness>;
}

// Every API test file runs `describe.each(engines)`: SQLite in a temporary file, and PostgreSQL in a
// new database of the run's throwaway cluster (@leshan/testing/postgres-setup).
export const engines: AdminEngine[] = [
  { name: 'sqlite', start: (config, now) => startAdmin({ config, now }) },
  {
    name: 'postgres',
    start: async (config, now) => startAdmin({ databaseUrl: await testDatabase(), config, now }),
  },
];
