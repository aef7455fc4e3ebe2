import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    testTimeout: 20_000,
  },
});
