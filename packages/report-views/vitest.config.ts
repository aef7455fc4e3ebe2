import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@leshan/source'] },
  ssr: { resolve: { conditions: ['@leshan/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['@leshan/vitest-config/fail-on-console'],
  },
});
