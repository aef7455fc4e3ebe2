import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against the real server; they need `vite build` first
// (the test:e2e script runs it; under `pnpm test` turbo's viewer#build does, before viewer#test:
// the test script never rebuilds dist/, which the system tests read at the same time) and run
// one file at a time: the machine has two cores.
export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['e2e/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
