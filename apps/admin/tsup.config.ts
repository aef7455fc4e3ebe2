import { defineConfig } from 'tsup';

// ESM only (a private app). Dependencies, workspace packages included, stay external and are
// resolved from node_modules at run time (turbo builds them first: `dependsOn: ["^build"]`).
// env.js is the admin's settings, imported by the start script to check them before any start.
export default defineConfig({
  // merge-worker.js: parsing and merging an import on a worker thread (src/import/run-in-worker.ts).
  entry: { index: 'src/index.ts', env: 'src/env.ts', 'merge-worker': 'src/import/merge-worker.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: false,
  // Loaded by `pnpm dev` only (src/web-ui.ts), never by the built server.
  external: ['@leshan/dev-server'],
});
