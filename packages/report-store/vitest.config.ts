import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    // One throwaway PostgreSQL cluster for the run (@leshan/testing); each test gets its own database.
    globalSetup: ['@leshan/testing/postgres-setup'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
