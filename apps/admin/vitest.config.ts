import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    // A throwaway PostgreSQL cluster: every API test runs on SQLite and on PostgreSQL.
    globalSetup: ['@leshan/testing/postgres-setup'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
