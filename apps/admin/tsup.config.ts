import { defineConfig } from 'tsup';

// ESM only (a private app). Dependencies, workspace packages included, stay external and are
// resolved from node_modules at run time (turbo builds them first: `dependsOn: ["^build"]`).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: false,
});
