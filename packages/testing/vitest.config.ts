import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    testTimeout: 60_000,
  },
});
