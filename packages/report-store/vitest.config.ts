import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
