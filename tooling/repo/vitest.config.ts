import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    // The cache test installs and type-checks a copy of the repository: minutes, not seconds.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
