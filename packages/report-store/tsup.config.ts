import { defineConfig } from 'tsup';

// ESM only (a private package for the apps); drivers stay external, resolved from node_modules.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
