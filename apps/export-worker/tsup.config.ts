import { defineConfig } from 'tsup';

// ESM only (a private app); dependencies stay external and are resolved from node_modules.
export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts', 'src/main.ts', 'src/env.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
});
