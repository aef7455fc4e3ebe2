import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.test.ts'],
    // No @leshan/vitest-config setup here: that package is linted with this one, and turbo refuses
    // the dependency cycle. The test itself fails on any message it did not expect from ESLint.
    testTimeout: 60_000,
  },
});
