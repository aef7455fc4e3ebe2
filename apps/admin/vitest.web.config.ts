import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Component and unit tests of the editing UI, in happy-dom.
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['@leshan/source'],
  },
  test: {
    include: ['web/**/*.test.ts', 'web/**/*.test.tsx'],
    environment: 'happy-dom',
    setupFiles: ['@leshan/vitest-config/fail-on-console', './web/test-setup.ts'],
    testTimeout: 30_000,
  },
});
