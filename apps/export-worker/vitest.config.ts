import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    // A throwaway PostgreSQL cluster for the queue tests (@leshan/testing).
    globalSetup: ['@leshan/testing/postgres-setup'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
