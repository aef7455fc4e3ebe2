import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The reliability and security suite (`pnpm test:reliability`): each file starts its own system
// from the built apps, so files run one after another (two cores), with generous timeouts.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['reliability/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    fileParallelism: false,
    sequence: { shuffle: false },
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
