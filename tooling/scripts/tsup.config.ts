import { defineConfig } from 'tsup';

// `pnpm start` runs dist/start-all.js with plain node: no devDependency at run time. The apps'
// settings readers stay external (admin/env, viewer/env, export-worker/env: their own builds).
export default defineConfig({
  entry: ['src/start-all.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
});
