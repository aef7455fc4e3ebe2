import { defineConfig } from 'vitest/config';

// The system tests start the whole system as `pnpm start` does (after the build, which turbo runs
// first: `system-tests#test` depends on `^build`). One file at a time: each starts three
// processes, and the machine may have two cores. The reliability suite has its own entry point
// (`pnpm test:reliability`); only the unit tests of its figures and page run here.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'reliability/lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
